using System.Text;

namespace MediaAnalysis.Pipeline.Analysis;

// The inside of a JSON string (no quotes), as UTF-8, in an array of exactly the right size.
// Escaping is per character, so escaped pieces concatenate into one valid string: the transcript is
// escaped once and spliced between the prompt's pieces in every request body. Non-ASCII stays UTF-8
// (2-4 bytes) instead of the 6-byte \uXXXX the default encoder writes; lone surrogates become U+FFFD.
public static class JsonEscaping
{
    public static byte[] EscapeToUtf8(string value)
    {
        var result = new byte[EscapedLength(value)];
        var written = Write(value, result);
        return written == result.Length ? result : throw new InvalidOperationException("escaped length mismatch");
    }

    // Several pieces escaped into one block, as if they were one string, in one array of exactly the right size.
    public static byte[] EscapeToUtf8(IReadOnlyList<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var length = 0;
        foreach (var piece in pieces)
        {
            length += EscapedLength(piece);
        }
        var result = new byte[length];
        var at = 0;
        foreach (var piece in pieces)
        {
            at += Write(piece, result.AsSpan(at));
        }
        return at == result.Length ? result : throw new InvalidOperationException("escaped length mismatch");
    }

    public static int EscapedLength(ReadOnlySpan<char> value)
    {
        var length = 0;
        while (!value.IsEmpty)
        {
            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            length += rune.Value switch
            {
                '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                < 0x20 => 6,
                _ => rune.Utf8SequenceLength,
            };
            value = value[consumed..];
        }
        return length;
    }

    private static int Write(ReadOnlySpan<char> value, Span<byte> destination)
    {
        var at = 0;
        while (!value.IsEmpty)
        {
            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            at += rune.Value switch
            {
                '"' => Two(destination[at..], '"'),
                '\\' => Two(destination[at..], '\\'),
                '\n' => Two(destination[at..], 'n'),
                '\r' => Two(destination[at..], 'r'),
                '\t' => Two(destination[at..], 't'),
                '\b' => Two(destination[at..], 'b'),
                '\f' => Two(destination[at..], 'f'),
                < 0x20 => Control(destination[at..], rune.Value),
                _ => rune.EncodeToUtf8(destination[at..]),
            };
            value = value[consumed..];
        }
        return at;
    }

    private static int Two(Span<byte> destination, char escaped)
    {
        destination[0] = (byte)'\\';
        destination[1] = (byte)escaped;
        return 2;
    }

    private static int Control(Span<byte> destination, int value)
    {
        const string hex = "0123456789abcdef";
        "\\u00"u8.CopyTo(destination);
        destination[4] = (byte)hex[value >> 4];
        destination[5] = (byte)hex[value & 0xF];
        return 6;
    }
}

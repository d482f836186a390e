using System.Globalization;
using System.Text;

namespace MediaAnalysis.Chat;

// Names of the files the bot uploads (transcripts), on every platform: letters, marks and digits of any script
// kept ("会议.mp4" → "会议.transcript.txt"), '.', '-' and '_' kept, anything else (path separators, spaces,
// control, format and bidi characters) one '_'; never a leading or trailing dot; at most maxBytes of UTF-8,
// cut between whole characters.
public static class UploadFileNames
{
    public const string TranscriptSuffix = ".transcript.txt";

    public static string Transcript(string? sourceName, int maxBytes)
    {
        var name = sourceName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        return Safe(stem, "video", maxBytes - Encoding.UTF8.GetByteCount(TranscriptSuffix)) + TranscriptSuffix;
    }

    public static string Safe(string? name, string fallback, int maxBytes)
    {
        var builder = new StringBuilder(name?.Length ?? 0);
        foreach (var rune in (name ?? "").EnumerateRunes())
        {
            if (Kept(rune))
            {
                builder.Append(rune.ToString());
            }
            else if (builder.Length == 0 || builder[^1] != '_')
            {
                builder.Append('_');
            }
        }
        var cleaned = Clip(builder.ToString().Trim('.', '_', '-'), maxBytes).TrimEnd('.', '_', '-');
        return cleaned.Length == 0 ? fallback : cleaned;
    }

    private static bool Kept(Rune rune) =>
        rune.Value is '.' or '-' or '_'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    // The longest run of whole characters (grapheme clusters) within maxBytes of UTF-8.
    private static string Clip(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }
        var bytes = 0;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            bytes += Encoding.UTF8.GetByteCount(element);
            if (bytes > maxBytes)
            {
                break;
            }
            end = elements.ElementIndex + element.Length;
        }
        return text[..end];
    }
}

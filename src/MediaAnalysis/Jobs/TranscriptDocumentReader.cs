using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MediaAnalysis.Jobs;

// A stored TranscriptDocument read paragraph by paragraph from a stream, with Utf8JsonReader over a small buffer
// (16 KiB, grown only for a paragraph longer than that): a 3-hour transcript is never in memory whole. A damaged
// document ends the paragraphs where the damage starts, as TranscriptDocument.Read reads it as none.
public static class TranscriptDocumentReader
{
    private const int FirstBuffer = 16 * 1024;

    private enum Place
    {
        Object,
        List,
        Done,
    }

    public static async IAsyncEnumerable<TranscriptParagraph> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBuffer);
        var (start, end, final) = (0, 0, false);
        var state = new JsonReaderState();
        var place = Place.Object;
        var batch = new List<TranscriptParagraph>();
        try
        {
            while (place != Place.Done)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (end, start) = (end - start, 0);
                }
                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = final ? 0 : await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                end += read;
                final = read == 0;
                var consumed = Parse(buffer.AsSpan(0, end), final, ref state, ref place, batch);
                start = consumed;
                foreach (var paragraph in batch)
                {
                    yield return paragraph;
                }
                batch.Clear();
                if (final && place != Place.Done)
                {
                    // The end of the stream in the middle of the document: what was whole has been given.
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Reads every whole paragraph in `data` into `batch`; returns how many bytes they (and what came before) took.
    // A paragraph cut by the buffer's end is read again, whole, from the next call.
    private static int Parse(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref Place place, List<TranscriptParagraph> batch)
    {
        var json = new Utf8JsonReader(data, final, state);
        var (safe, safeState) = (0L, state);
        try
        {
            while (place != Place.Done)
            {
                if (place == Place.Object ? !Header(ref json, ref place) : !Paragraph(ref json, ref place, batch))
                {
                    break;
                }
                (safe, safeState) = (json.BytesConsumed, json.CurrentState);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            place = Place.Done;
        }
        state = safeState;
        return (int)safe;
    }

    // One step through the top object: a property and its value; the "p" list's start moves on to the paragraphs.
    private static bool Header(ref Utf8JsonReader json, ref Place place)
    {
        if (!json.Read())
        {
            return false;
        }
        if (json.TokenType == JsonTokenType.EndObject && json.CurrentDepth == 0)
        {
            place = Place.Done;
            return true;
        }
        if (json.TokenType != JsonTokenType.PropertyName || json.CurrentDepth != 1)
        {
            return json.TokenType == JsonTokenType.StartObject && json.CurrentDepth == 0 ? true : throw new JsonException("not a transcript document");
        }
        var isList = json.ValueTextEquals("p"u8);
        if (!json.Read())
        {
            return false;
        }
        if (isList && json.TokenType == JsonTokenType.StartArray)
        {
            place = Place.List;
            return true;
        }
        return json.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject) || json.TrySkip();
    }

    // [start, end, speaker or null, "text"], or the list's end.
    private static bool Paragraph(ref Utf8JsonReader json, ref Place place, List<TranscriptParagraph> batch)
    {
        if (!json.Read())
        {
            return false;
        }
        if (json.TokenType == JsonTokenType.EndArray)
        {
            place = Place.Done;
            return true;
        }
        if (json.TokenType != JsonTokenType.StartArray || !json.Read())
        {
            return json.TokenType == JsonTokenType.StartArray ? false : throw new JsonException("not a paragraph");
        }
        var begin = json.GetDouble();
        if (!json.Read())
        {
            return false;
        }
        var finish = json.GetDouble();
        if (!json.Read())
        {
            return false;
        }
        int? speaker = json.TokenType == JsonTokenType.Number ? json.GetInt32() : null;
        if (!json.Read())
        {
            return false;
        }
        var text = json.GetString() ?? "";
        if (!json.Read())
        {
            return false;
        }
        if (json.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("a paragraph has more than four parts");
        }
        batch.Add(new TranscriptParagraph(begin, finish, speaker, text));
        return true;
    }
}

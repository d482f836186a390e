using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MediaAnalysis.Jobs;

// The structured transcript as the job store keeps it: one compact JSON document a job,
//   {"v":1,"chosen":true,"p":[[724.3,741.0,2,"text"],...]}
// (start and end in seconds to the hundredth, speaker or null). "chosen": the language was asked for, not detected.
public static class TranscriptDocument
{
    public static string Write(IReadOnlyList<TranscriptParagraph> paragraphs, bool languageChosen)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WriteBoolean("chosen", languageChosen);
            json.WriteStartArray("p");
            foreach (var p in paragraphs)
            {
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round(p.Start, 2));
                json.WriteNumberValue(Math.Round(p.End, 2));
                if (p.Speaker is { } speaker)
                {
                    json.WriteNumberValue(speaker);
                }
                else
                {
                    json.WriteNullValue();
                }
                json.WriteStringValue(p.Text);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // A document this code did not write (or a damaged one) reads as no structure: the plain transcript still serves.
    public static (IReadOnlyList<TranscriptParagraph> Paragraphs, bool LanguageChosen) Read(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return ([], false);
        }
        try
        {
            using var parsed = JsonDocument.Parse(document);
            var root = parsed.RootElement;
            var chosen = root.TryGetProperty("chosen", out var c) && c.ValueKind == JsonValueKind.True;
            var list = new List<TranscriptParagraph>();
            if (root.TryGetProperty("p", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    list.Add(new TranscriptParagraph(item[0].GetDouble(), item[1].GetDouble(),
                        item[2].ValueKind == JsonValueKind.Number ? item[2].GetInt32() : null, item[3].GetString() ?? ""));
                }
            }
            return (list, chosen);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return ([], false);
        }
    }
}

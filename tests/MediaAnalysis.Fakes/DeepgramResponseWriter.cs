using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MediaAnalysis.Fakes;

// The 200 body of POST /v1/listen, field for field as in deepgram-response.json, written straight
// to the response: an hour of speech is ~1 MB of words[] JSON that never needs to exist in memory.
internal static class DeepgramResponseWriter
{
    private const int FlushAt = 32 * 1024;

    public static async Task WriteAsync(Stream body, DeepgramAnswer answer, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body, JsonBody.Options);
        json.WriteStartObject();
        WriteMetadata(json, answer);
        json.WriteStartObject("results");
        json.WriteStartArray("channels");
        json.WriteStartObject();
        json.WriteStartArray("alternatives");
        json.WriteStartObject();
        var layout = answer.Layout;
        json.WriteString("transcript", layout.Transcript);
        json.WriteNumber("confidence", layout.Words.Count == 0 ? 0 : 0.9991429);
        json.WriteStartArray("words");
        var sentence = 0;
        for (var i = 0; i < layout.Words.Count; i++)
        {
            var word = layout.Words[i];
            json.WriteStartObject();
            json.WriteString("word", word.Text);
            json.WriteNumber("start", word.Start);
            json.WriteNumber("end", word.End);
            json.WriteNumber("confidence", word.Confidence);
            if (layout.Speakers > 0)
            {
                // With diarize=true every word carries its speaker, as in Deepgram's answer.
                json.WriteNumber("speaker", layout.SpeakerOfWord(i, ref sentence));
                json.WriteNumber("speaker_confidence", Math.Round(word.Confidence * 0.9, 6));
            }
            json.WriteString("punctuated_word", word.Punctuated);
            json.WriteEndObject();
            if (json.BytesPending > FlushAt)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        await WriteParagraphsAsync(json, layout, ct);
        json.WriteEndObject();
        json.WriteEndArray();
        if (answer.DetectedLanguage is { } language)
        {
            json.WriteString("detected_language", language);
            json.WriteNumber("language_confidence", 0.9912109);
        }
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteMetadata(Utf8JsonWriter json, DeepgramAnswer answer)
    {
        var modelId = ModelId(answer.Model);
        json.WriteStartObject("metadata");
        json.WriteString("transaction_key", "deprecated");
        json.WriteString("request_id", answer.RequestId);
        json.WriteString("sha256", answer.Sha256);
        json.WriteString("created", answer.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteNumber("duration", Math.Round(answer.Duration, 6));
        json.WriteNumber("channels", 1);
        json.WriteStartArray("models");
        json.WriteStringValue(modelId);
        json.WriteEndArray();
        json.WriteStartObject("model_info");
        json.WriteStartObject(modelId);
        json.WriteString("name", "general-" + answer.Model);
        json.WriteString("version", "2024-12-20.0");
        json.WriteString("arch", answer.Model);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static async Task WriteParagraphsAsync(Utf8JsonWriter json, TranscriptLayout layout, CancellationToken ct)
    {
        var paragraphs = layout.Paragraphs.ToList();
        json.WriteStartObject("paragraphs");
        // Deepgram starts the paragraph transcript with a newline and separates paragraphs by a blank line;
        // diarized, each paragraph starts "Speaker N: ".
        json.WriteString("transcript", paragraphs.Count == 0
            ? ""
            : "\n" + string.Join("\n\n", paragraphs.Select((p, i) =>
                (layout.Speakers > 0 ? $"Speaker {layout.SpeakerOfParagraph(i)}: " : "") + string.Join(' ', p.Select(layout.SentenceText)))));
        json.WriteStartArray("paragraphs");
        for (var index = 0; index < paragraphs.Count; index++)
        {
            var paragraph = paragraphs[index];
            json.WriteStartObject();
            json.WriteStartArray("sentences");
            foreach (var sentence in paragraph)
            {
                json.WriteStartObject();
                json.WriteString("text", layout.SentenceText(sentence));
                json.WriteNumber("start", layout.Words[sentence.Start.Value].Start);
                json.WriteNumber("end", layout.Words[sentence.End.Value - 1].End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("start", layout.Words[paragraph[0].Start.Value].Start);
            json.WriteNumber("end", layout.Words[paragraph[^1].End.Value - 1].End);
            json.WriteNumber("num_words", paragraph[^1].End.Value - paragraph[0].Start.Value);
            if (layout.Speakers > 0)
            {
                json.WriteNumber("speaker", layout.SpeakerOfParagraph(index));
            }
            json.WriteEndObject();
            if (json.BytesPending > FlushAt)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // A stable uuid per model name, like Deepgram's model ids.
    private static string ModelId(string model)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(model));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}

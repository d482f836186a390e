using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Cli;

// The answers on stdout: readable text, or one JSON document for scripts.
public static class ResultWriter
{
    public static void WriteText(AnalysisResult result, TextWriter stdout)
    {
        var media = result.Media;
        var transcript = result.Transcript;
        stdout.WriteLine($"# {media.SourceName}");
        stdout.WriteLine($"{Format.Duration(media.Duration)} · {Format.Count(transcript.WordCount)} words"
            + (transcript.Language is { } language ? $" · language {language}" : "")
            + (transcript.SpeakerCount > 1 ? $" · {transcript.SpeakerCount} speakers" : ""));
        stdout.WriteLine();
        stdout.WriteLine(TranscriptText.Blocks(transcript));
        foreach (var outcome in result.Outcomes)
        {
            stdout.WriteLine();
            switch (outcome)
            {
                case ModelOutcome.Succeeded s:
                    stdout.WriteLine($"## {s.Prompt} · {s.Model}");
                    stdout.WriteLine(Format.Usage(s));
                    stdout.WriteLine();
                    stdout.WriteLine(s.Answer.Trim());
                    break;
                case ModelOutcome.Failed f:
                    stdout.WriteLine($"## {f.Prompt} · {f.Model} · FAILED");
                    stdout.WriteLine($"{f.Model} could not answer: {f.Reason}. The other answers are unaffected.");
                    break;
            }
        }
        if (result.Verdict is { } verdict)
        {
            stdout.WriteLine();
            VerdictText.Write(verdict, stdout);
        }
        stdout.WriteLine();
        stdout.WriteLine($"{result.SucceededCount} of {result.Outcomes.Count} answers"
            + (result.TotalCost is { } cost ? $" · total {Format.Cost(cost)}" : ""));
    }

    public static void WriteJson(AnalysisResult result, TextWriter stdout)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("source", result.Media.SourceName);
        json.WriteNumber("sizeBytes", result.Media.SizeBytes);
        json.WriteNumber("durationSeconds", Math.Round(result.Media.Duration.TotalSeconds, 3));
        json.WriteString("audioCodec", result.Media.AudioCodec);
        json.WriteString("language", result.Transcript.Language);
        json.WriteString("deepgramRequestId", result.Transcript.RequestId);
        json.WriteNumber("words", result.Transcript.WordCount);
        json.WriteString("transcript", result.Transcript.Text);
        WriteParagraphs(json, result.Transcript);
        json.WriteBoolean("noSpeech", result.NoSpeech);
        json.WriteStartArray("answers");
        foreach (var outcome in result.Outcomes)
        {
            json.WriteStartObject();
            json.WriteString("prompt", outcome.Prompt);
            json.WriteString("model", outcome.Model);
            json.WriteBoolean("ok", outcome is ModelOutcome.Succeeded);
            json.WriteNumber("seconds", Math.Round(outcome.Elapsed.TotalSeconds, 3));
            json.WriteNumber("attempts", outcome.Attempts);
            if (outcome is ModelOutcome.Succeeded s)
            {
                json.WriteString("answer", s.Answer);
                json.WriteString("servedBy", s.ServedBy);
                WriteNumberOrNull(json, "promptTokens", s.PromptTokens);
                WriteNumberOrNull(json, "completionTokens", s.CompletionTokens);
                if (s.Cost is { } cost) { json.WriteNumber("cost", cost); } else { json.WriteNull("cost"); }
            }
            else if (outcome is ModelOutcome.Failed f)
            {
                json.WriteString("error", f.Reason);
                WriteNumberOrNull(json, "status", f.Status);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (result.Verdict is { } verdict)
        {
            VerdictText.WriteJson(verdict, json);
        }
        if (result.TotalCost is { } total) { json.WriteNumber("totalCost", total); } else { json.WriteNull("totalCost"); }
        json.WriteEndObject();
        json.Flush();
        stdout.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    // [{"start": 724.3, "end": 741.0, "speaker": 2, "text": "…"}]: seconds; speaker null with one voice.
    private static void WriteParagraphs(Utf8JsonWriter json, Transcript transcript)
    {
        json.WriteStartArray("paragraphs");
        foreach (var p in transcript.Paragraphs)
        {
            json.WriteStartObject();
            json.WriteNumber("start", Math.Round(p.Start, 3));
            json.WriteNumber("end", Math.Round(p.End, 3));
            WriteNumberOrNull(json, "speaker", p.Speaker);
            json.WriteString("text", p.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

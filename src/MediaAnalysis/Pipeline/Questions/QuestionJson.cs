using System.Text.Json;

namespace MediaAnalysis.Pipeline.Questions;

// The small document a question's answer must be: {answer, supported, moments}. "supported" is the model's own
// statement that the transcript holds the answer; false means the bot says "The video doesn't say." and shows
// nothing the model wrote, so a guess cannot be blurred into an answer.
public static class QuestionJson
{
    public const string SchemaName = "video_answer";

    public const string Schema = """
        {"type":"object","additionalProperties":false,"required":["answer","supported","moments"],"properties":{
        "answer":{"type":"string"},
        "supported":{"type":"boolean"},
        "moments":{"type":"array","items":{"type":"string"}}}}
        """;

    public static (string Answer, bool Supported, IReadOnlyList<string> Moments)? TryRead(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json.Trim());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || root.EnumerateObject().Any(p => p.Name is not ("answer" or "supported" or "moments"))
                || !root.TryGetProperty("answer", out var answer) || answer.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("supported", out var supported) || supported.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
                || !root.TryGetProperty("moments", out var moments) || moments.ValueKind != JsonValueKind.Array
                || moments.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String))
            {
                return null;
            }
            var text = answer.GetString()!.Trim();
            var ok = supported.GetBoolean();
            // A "supported" answer with no words is no answer.
            return ok && text.Length == 0 ? null : (text, ok, [.. moments.EnumerateArray().Select(m => m.GetString()!)]);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

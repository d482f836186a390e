using System.Text;
using System.Text.Json;

namespace MediaAnalysis.Fakes;

// The parts of a chat completions request the fake needs; content may be a string or OpenAI's
// array of parts, whose text parts are joined.
internal sealed record ChatBody(string Model, IReadOnlyList<(string Role, string Content)> Messages, bool Stream)
{
    // response_format {"type":"json_schema","json_schema":{"name","schema"}}: the name and the schema's raw JSON.
    public string? SchemaName { get; init; }

    public string? Schema { get; init; }

    public static ChatBody? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            var messages = new List<(string, string)>();
            if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in list.EnumerateArray())
                {
                    var role = message.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                    messages.Add((role, message.TryGetProperty("content", out var c) ? Text(c) : ""));
                }
            }
            string? schemaName = null, schema = null;
            if (root.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object
                && format.TryGetProperty("type", out var type) && type.ValueEquals("json_schema")
                && format.TryGetProperty("json_schema", out var js) && js.ValueKind == JsonValueKind.Object)
            {
                schemaName = js.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : "";
                schema = js.TryGetProperty("schema", out var sc) ? sc.GetRawText() : null;
            }
            return new ChatBody(model, messages, stream) { SchemaName = schemaName, Schema = schema };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }
        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }
        return text.ToString();
    }
}

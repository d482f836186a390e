using System.Text.Json;

namespace MediaAnalysis.Pipeline.Analysis;

// A chat-completions body that asks for one JSON document and nothing else: a system and a user message, and a
// response_format of type json_schema (strict). The panel verdict and follow-up questions both send one.
public static class SchemaRequestBody
{
    public static byte[] Write(string model, int maxTokens, string system, string user, string schemaName, string schema)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteNumber("max_tokens", maxTokens);
            json.WriteStartArray("messages");
            Message(json, "system", system);
            Message(json, "user", user);
            json.WriteEndArray();
            json.WriteStartObject("response_format");
            json.WriteString("type", "json_schema");
            json.WriteStartObject("json_schema");
            json.WriteString("name", schemaName);
            json.WriteBoolean("strict", true);
            json.WritePropertyName("schema");
            json.WriteRawValue(schema);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Message(Utf8JsonWriter json, string role, string content)
    {
        json.WriteStartObject();
        json.WriteString("role", role);
        json.WriteString("content", content);
        json.WriteEndObject();
    }
}

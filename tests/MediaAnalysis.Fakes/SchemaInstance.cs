using System.Text.Json;

namespace MediaAnalysis.Fakes;

// A document that fits a JSON schema (the subset structured outputs use: object with required properties, array,
// string, boolean, number, integer, $ref to #/$defs): every array holds two items, every string names the model.
internal static class SchemaInstance
{
    public static string For(string schema, string model)
    {
        using var document = JsonDocument.Parse(schema);
        return System.Text.Encoding.UTF8.GetString(JsonBody.Build(json => Write(json, document.RootElement, document.RootElement, model, "")));
    }

    private static void Write(Utf8JsonWriter json, JsonElement node, JsonElement root, string model, string name)
    {
        if (node.TryGetProperty("$ref", out var reference) && reference.GetString() is { } path && path.StartsWith("#/", StringComparison.Ordinal))
        {
            var target = root;
            foreach (var part in path[2..].Split('/'))
            {
                target = target.GetProperty(part);
            }
            Write(json, target, root, model, name);
            return;
        }
        var type = node.TryGetProperty("type", out var t) ? t.GetString() : "string";
        switch (type)
        {
            case "object":
                json.WriteStartObject();
                if (node.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        json.WritePropertyName(property.Name);
                        Write(json, property.Value, root, model, property.Name);
                    }
                }
                json.WriteEndObject();
                break;
            case "array":
                json.WriteStartArray();
                for (var i = 0; i < 2; i++)
                {
                    Write(json, node.GetProperty("items"), root, model, name);
                }
                json.WriteEndArray();
                break;
            case "boolean":
                json.WriteBooleanValue(true);
                break;
            case "number" or "integer":
                json.WriteNumberValue(1);
                break;
            default:
                json.WriteStringValue(name == "model" ? model : $"{name} from {model}");
                break;
        }
    }
}

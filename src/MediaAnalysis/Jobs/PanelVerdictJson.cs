using System.Text;
using System.Text.Json;

namespace MediaAnalysis.Jobs;

// The verdict's JSON document: the schema sent as response_format, the strict reading of a reply (anything
// missing, mistyped, empty or extra makes it invalid) and the canonical form that is stored.
public static class PanelVerdictJson
{
    public const string SchemaName = "panel_verdict";

    public const string Schema = """
        {"type":"object","additionalProperties":false,"required":["agreements","disagreements","unique_points"],"properties":{
        "agreements":{"type":"array","items":{"type":"string"}},
        "disagreements":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["topic","positions"],"properties":{
        "topic":{"type":"string"},
        "positions":{"type":"array","items":{"$ref":"#/$defs/claim"}}}}},
        "unique_points":{"type":"array","items":{"$ref":"#/$defs/claim"}}},
        "$defs":{"claim":{"type":"object","additionalProperties":false,"required":["model","text"],"properties":{
        "model":{"type":"string"},"text":{"type":"string"}}}}}
        """;

    public static PanelVerdict? TryRead(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(Unfenced(json));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !Only(root, "agreements", "disagreements", "unique_points")
                || Array(root, "agreements") is not { } agreements
                || Array(root, "disagreements") is not { } disagreements
                || Array(root, "unique_points") is not { } unique)
            {
                return null;
            }
            var said = agreements.Select(Text).ToList();
            var differ = disagreements.Select(Disagreement).ToList();
            var claims = unique.Select(Claim).ToList();
            if (said.Any(s => s is null) || differ.Any(d => d is null) || claims.Any(c => c is null))
            {
                return null;
            }
            return new PanelVerdict(said!, differ!, claims!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Write(PanelVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("agreements");
            foreach (var a in verdict.Agreements)
            {
                json.WriteStringValue(a);
            }
            json.WriteEndArray();
            json.WriteStartArray("disagreements");
            foreach (var d in verdict.Disagreements)
            {
                json.WriteStartObject();
                json.WriteString("topic", d.Topic);
                WriteClaims(json, "positions", d.Positions);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteClaims(json, "unique_points", verdict.UniquePoints);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteClaims(Utf8JsonWriter json, string name, IReadOnlyList<VerdictClaim> claims)
    {
        json.WriteStartArray(name);
        foreach (var c in claims)
        {
            json.WriteStartObject();
            json.WriteString("model", c.Model);
            json.WriteString("text", c.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    // Some endpoints wrap the document in a ```json fence despite response_format; the document inside is what counts.
    private static string Unfenced(string json)
    {
        var text = json.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }
        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLine < 0 ? text : text[(firstLine + 1)..^3];
    }

    private static bool Only(JsonElement element, params string[] names) =>
        element.EnumerateObject().All(p => names.Contains(p.Name, StringComparer.Ordinal));

    private static List<JsonElement>? Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : null;

    private static string? Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Text(value) : null;

    private static VerdictClaim? Claim(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && Only(element, "model", "text")
        && Field(element, "model") is { } model && Field(element, "text") is { } text
            ? new VerdictClaim(model, text)
            : null;

    private static VerdictDisagreement? Disagreement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !Only(element, "topic", "positions")
            || Field(element, "topic") is not { } topic || Array(element, "positions") is not { } positions)
        {
            return null;
        }
        var claims = positions.Select(Claim).ToList();
        // A disagreement needs two sides, each from a named model.
        return claims.Count < 2 || claims.Any(c => c is null) ? null : new VerdictDisagreement(topic, claims!);
    }
}

using System.Text;
using System.Text.Json;

namespace MediaAnalysis.Fakes.Slack;

// One request as the fake received it. Name is the Web API method ("chat.postMessage"), or "upload",
// "download" or "response_url" for the other routes.
public sealed record FakeSlackRequest(
    string Name,
    string HttpMethod,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    public int Status { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ContentType => Header("Content-Type");

    // The JSON body, or null when it is not JSON.
    public JsonElement? Json
    {
        get
        {
            if (Body.Length == 0 || ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                return null;
            }
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    // Form fields (x-www-form-urlencoded body) merged over query arguments.
    public IReadOnlyDictionary<string, string> Form
    {
        get
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query))
            {
                fields[key] = values.ToString();
            }
            if (ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                foreach (var (key, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(BodyText))
                {
                    fields[key] = values.ToString();
                }
            }
            return fields;
        }
    }

    // An argument by name from the JSON body, the form body or the query, as text (JSON values as raw JSON).
    public string? Arg(string name)
    {
        if (Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value))
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }
        return Form.TryGetValue(name, out var field) ? field : null;
    }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// A modal submit's component: an action row (1) of text inputs (4), or a label (18) around one.
public sealed record SubmittedComponent
{
    [JsonPropertyName("type")]
    public ComponentType Type { get; init; }

    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("components")]
    public IReadOnlyList<SubmittedComponent>? Components { get; init; }

    [JsonPropertyName("component")]
    public SubmittedComponent? Component { get; init; }

    // Every text input's value by its custom_id, wherever it sits.
    public static Dictionary<string, string> Values(IReadOnlyList<SubmittedComponent>? components)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(SubmittedComponent c)
        {
            if (c.Type == ComponentType.TextInput && c.CustomId is { } id)
            {
                values[id] = c.Value ?? "";
            }
            foreach (var child in c.Components ?? [])
            {
                Walk(child);
            }
            if (c.Component is { } inner)
            {
                Walk(inner);
            }
        }
        foreach (var c in components ?? [])
        {
            Walk(c);
        }
        return values;
    }
}

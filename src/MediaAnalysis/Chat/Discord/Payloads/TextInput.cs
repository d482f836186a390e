using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// A modal's text input (component type 4), alone in its action row. Style 1 short, 2 paragraph; label at most 45
// characters, value and max_length at most 4000.
public sealed record TextInput
{
    [JsonPropertyName("type")]
    public ComponentType Type { get; init; } = ComponentType.TextInput;

    [JsonPropertyName("custom_id")]
    public string CustomId { get; init; } = "";

    [JsonPropertyName("style")]
    public int Style { get; init; } = 1;

    [JsonPropertyName("label")]
    public string Label { get; init; } = "";

    [JsonPropertyName("min_length")]
    public int? MinLength { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }

    [JsonPropertyName("required")]
    public bool? Required { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record InteractionOption
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("type")]
    public CommandOptionType Type { get; init; }

    // A string, number or boolean; for an ATTACHMENT option the attachment's id (a string).
    [JsonPropertyName("value")]
    public JsonElement Value { get; init; }

    // Subcommands and groups nest their options.
    [JsonPropertyName("options")]
    public IReadOnlyList<InteractionOption>? Options { get; init; }

    // Autocomplete: the option being typed.
    [JsonPropertyName("focused")]
    public bool? Focused { get; init; }

    [JsonIgnore]
    public bool? BoolValue => Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    [JsonIgnore]
    public decimal? NumberValue => Value.ValueKind == JsonValueKind.Number && Value.TryGetDecimal(out var n) ? n : null;

    [JsonIgnore]
    public string? StringValue => Value.ValueKind == JsonValueKind.String ? Value.GetString() : null;
}

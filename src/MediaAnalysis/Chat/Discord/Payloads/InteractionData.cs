using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// `data` of an interaction: a command (type 2) or a component click (type 3).
public sealed record InteractionData
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("type")]
    public ApplicationCommandType? Type { get; init; }

    // Message commands: the message that was right-clicked, found in Resolved.Messages.
    [JsonPropertyName("target_id")]
    public string? TargetId { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<InteractionOption>? Options { get; init; }

    [JsonPropertyName("resolved")]
    public ResolvedData? Resolved { get; init; }

    [JsonPropertyName("guild_id")]
    public string? GuildId { get; init; }

    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }

    [JsonPropertyName("component_type")]
    public ComponentType? ComponentType { get; init; }

    // Modal submits: the inputs, in action rows (or labels) as the modal had them.
    [JsonPropertyName("components")]
    public IReadOnlyList<SubmittedComponent>? Components { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record ButtonElement
{
    public const string Danger = "danger";
    public const string Primary = "primary";

    [JsonPropertyName("type")]
    public string Type { get; init; } = "button";

    // plain_text, at most 75 characters.
    [JsonPropertyName("text")]
    public required TextObject Text { get; init; }

    // At most 255 characters, unique within the message.
    [JsonPropertyName("action_id")]
    public required string ActionId { get; init; }

    // At most 2000 characters; comes back in the block_actions payload.
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("confirm")]
    public ConfirmDialog? Confirm { get; init; }

    // A link button: Slack opens it and still sends a block_actions payload, which must be acknowledged.
    [JsonPropertyName("url")]
    public string? Url { get; init; }
}

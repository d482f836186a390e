using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// A message as a shortcut payload or conversations.history shows it.
public sealed record SlackMessage
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("subtype")]
    public string? Subtype { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    [JsonPropertyName("ts")]
    public string? Ts { get; init; }

    // Set on thread parents (equal to ts) and on replies (the parent's ts).
    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("files")]
    public IReadOnlyList<SlackFile>? Files { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }

    // Only when asked for with include_all_metadata=true.
    [JsonPropertyName("metadata")]
    public MessageMetadata? Metadata { get; init; }
}

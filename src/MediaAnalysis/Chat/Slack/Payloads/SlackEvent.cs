using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// The inner `event` of an event_callback: app_mention, or message (subtype file_share for an upload).
public sealed record SlackEvent
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("subtype")]
    public string? Subtype { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    // Set on messages a bot posted, this one included: never act on those.
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("ts")]
    public string? Ts { get; init; }

    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("event_ts")]
    public string? EventTs { get; init; }

    [JsonPropertyName("channel")]
    public string? Channel { get; init; }

    // channel, group, im, mpim (message events only).
    [JsonPropertyName("channel_type")]
    public string? ChannelType { get; init; }

    [JsonPropertyName("files")]
    public IReadOnlyList<SlackFile>? Files { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }
}

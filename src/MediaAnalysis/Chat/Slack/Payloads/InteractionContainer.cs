using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// Where a clicked block lives: for a message, its channel and ts.
public sealed record InteractionContainer
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("message_ts")]
    public string? MessageTs { get; init; }

    [JsonPropertyName("channel_id")]
    public string? ChannelId { get; init; }

    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("is_ephemeral")]
    public bool? IsEphemeral { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// A legacy attachment; a shared or unfurled message carries the original's files here instead of in files[].
public sealed record MessageAttachment
{
    [JsonPropertyName("from_url")]
    public string? FromUrl { get; init; }

    [JsonPropertyName("fallback")]
    public string? Fallback { get; init; }

    [JsonPropertyName("channel_id")]
    public string? ChannelId { get; init; }

    [JsonPropertyName("ts")]
    public string? Ts { get; init; }

    [JsonPropertyName("files")]
    public IReadOnlyList<SlackFile>? Files { get; init; }
}

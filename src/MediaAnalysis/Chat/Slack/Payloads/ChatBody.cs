using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// The JSON body of chat.postMessage, chat.update (with ts) and chat.postEphemeral (with user). With blocks,
// text is the notification and screen-reader fallback, so both are sent.
public sealed record ChatBody
{
    [JsonPropertyName("channel")]
    public required string Channel { get; init; }

    [JsonPropertyName("ts")]
    public string? Ts { get; init; }

    // Always the parent's ts, never a reply's.
    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("blocks")]
    public IReadOnlyList<Block>? Blocks { get; init; }

    // Links in model answers would otherwise unfurl into large previews.
    [JsonPropertyName("unfurl_links")]
    public bool? UnfurlLinks { get; init; }

    [JsonPropertyName("unfurl_media")]
    public bool? UnfurlMedia { get; init; }

    // The app's own record on the message (no extra scope beyond chat:write).
    [JsonPropertyName("metadata")]
    public MessageMetadata? Metadata { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// chat.postMessage and chat.update answer ts + channel; chat.postEphemeral answers message_ts.
public sealed record ChatResponse : SlackResponse
{
    [JsonPropertyName("ts")]
    public string? Ts { get; init; }

    [JsonPropertyName("channel")]
    public string? Channel { get; init; }

    [JsonPropertyName("message_ts")]
    public string? MessageTs { get; init; }

    [JsonPropertyName("message")]
    public SlackMessage? Message { get; init; }
}

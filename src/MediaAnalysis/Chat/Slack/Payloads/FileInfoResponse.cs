using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record FileInfoResponse : SlackResponse
{
    [JsonPropertyName("file")]
    public SlackFile? File { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// users.info: the person, with their workspace role.
public sealed record UserInfoResponse : SlackResponse
{
    [JsonPropertyName("user")]
    public SlackUserInfo? User { get; init; }
}

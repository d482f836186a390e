using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// auth.test: who the bot token belongs to. user_id is the bot user that mentions (<@U…>) name.
public sealed record AuthTestResponse : SlackResponse
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("team")]
    public string? Team { get; init; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }
}

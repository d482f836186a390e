using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// One installation the event is visible to; for our bot, its user_id is the bot user.
public sealed record EventAuthorization
{
    [JsonPropertyName("enterprise_id")]
    public string? EnterpriseId { get; init; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    [JsonPropertyName("is_bot")]
    public bool? IsBot { get; init; }

    [JsonPropertyName("is_enterprise_install")]
    public bool? IsEnterpriseInstall { get; init; }
}

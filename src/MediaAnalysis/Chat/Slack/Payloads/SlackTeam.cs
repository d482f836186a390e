using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record SlackTeam
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    [JsonPropertyName("enterprise_id")]
    public string? EnterpriseId { get; init; }
}

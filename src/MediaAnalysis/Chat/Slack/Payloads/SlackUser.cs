using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record SlackUser
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }
}

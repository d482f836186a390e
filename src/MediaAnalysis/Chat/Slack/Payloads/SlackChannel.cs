using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record SlackChannel
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

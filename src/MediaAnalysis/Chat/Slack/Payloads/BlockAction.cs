using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// One clicked element of a block_actions payload (our Cancel button: action_id cancel_job, value = job id).
public sealed record BlockAction
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("action_id")]
    public string? ActionId { get; init; }

    [JsonPropertyName("block_id")]
    public string? BlockId { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("action_ts")]
    public string? ActionTs { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// The JSON body of a 429.
public sealed record RateLimitBody
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    // Seconds, with decimals.
    [JsonPropertyName("retry_after")]
    public double? RetryAfter { get; init; }

    [JsonPropertyName("global")]
    public bool Global { get; init; }

    [JsonPropertyName("code")]
    public int? Code { get; init; }
}

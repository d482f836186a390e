using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// What every Web API answer has. Failures are usually HTTP 200 with ok:false, so `ok` is what counts.
public abstract record SlackResponse
{
    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    // e.g. missing_charset, superfluous_charset, message_truncated: the call worked, but something was off.
    [JsonPropertyName("warning")]
    public string? Warning { get; init; }

    // With missing_scope: the scope the method needs, and the ones the token has.
    [JsonPropertyName("needed")]
    public string? Needed { get; init; }

    [JsonPropertyName("provided")]
    public string? Provided { get; init; }

    [JsonPropertyName("response_metadata")]
    public ResponseMetadata? ResponseMetadata { get; init; }
}

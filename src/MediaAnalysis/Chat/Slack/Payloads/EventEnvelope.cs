using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// Everything POSTed to the Events API request URL: url_verification (token, challenge) or event_callback.
public sealed record EventEnvelope
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    // Deprecated verification token; the signature is what counts.
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("challenge")]
    public string? Challenge { get; init; }

    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    [JsonPropertyName("api_app_id")]
    public string? ApiAppId { get; init; }

    // Unique per event; the same on Slack's retries of it.
    [JsonPropertyName("event_id")]
    public string? EventId { get; init; }

    [JsonPropertyName("event_time")]
    public long? EventTime { get; init; }

    [JsonPropertyName("authorizations")]
    public IReadOnlyList<EventAuthorization>? Authorizations { get; init; }

    [JsonPropertyName("event")]
    public SlackEvent? Event { get; init; }

    [JsonPropertyName("is_ext_shared_channel")]
    public bool? IsExtSharedChannel { get; init; }

    [JsonPropertyName("context_team_id")]
    public string? ContextTeamId { get; init; }
}

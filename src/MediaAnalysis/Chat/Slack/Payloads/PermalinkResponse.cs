using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// chat.getPermalink: a link to one message that opens it (in its thread, for a reply) for anyone in the channel.
public sealed record PermalinkResponse : SlackResponse
{
    [JsonPropertyName("permalink")]
    public string? Permalink { get; init; }
}

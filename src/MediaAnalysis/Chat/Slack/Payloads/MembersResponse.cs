using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// conversations.members: one page of a channel's member ids; next_cursor in response_metadata until the last page.
public sealed record MembersResponse : SlackResponse
{
    [JsonPropertyName("members")]
    public IReadOnlyList<string>? Members { get; init; }

    [JsonIgnore]
    public string? NextCursor => string.IsNullOrEmpty(ResponseMetadata?.NextCursor) ? null : ResponseMetadata.NextCursor;
}

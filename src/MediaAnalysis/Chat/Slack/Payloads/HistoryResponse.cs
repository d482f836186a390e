using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// conversations.history: newest message first; thread replies are not included.
public sealed record HistoryResponse : SlackResponse
{
    [JsonPropertyName("messages")]
    public IReadOnlyList<SlackMessage>? Messages { get; init; }

    [JsonPropertyName("has_more")]
    public bool? HasMore { get; init; }

    [JsonIgnore]
    public string? NextCursor => string.IsNullOrEmpty(ResponseMetadata?.NextCursor) ? null : ResponseMetadata.NextCursor;
}

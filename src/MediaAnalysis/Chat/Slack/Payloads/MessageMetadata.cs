using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// Message metadata: an app's own event on a message (chat.postMessage `metadata`), returned by
// conversations.history/replies with include_all_metadata=true. The payload is free-form JSON.
public sealed record MessageMetadata
{
    [JsonPropertyName("event_type")]
    public required string EventType { get; init; }

    [JsonPropertyName("event_payload")]
    public JsonElement? EventPayload { get; init; }
}

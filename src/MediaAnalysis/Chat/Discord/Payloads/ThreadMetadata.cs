using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// A thread's state, on thread channels (in interactions and GET /channels/{id}).
public sealed record ThreadMetadata
{
    [JsonPropertyName("archived")]
    public bool Archived { get; init; }

    [JsonPropertyName("locked")]
    public bool Locked { get; init; }
}

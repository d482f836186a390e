using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// A (partial) channel: in interactions, and returned by thread creation.
public sealed record Channel
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("type")]
    public ChannelType Type { get; init; }

    [JsonPropertyName("guild_id")]
    public string? GuildId { get; init; }

    [JsonPropertyName("parent_id")]
    public string? ParentId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("thread_metadata")]
    public ThreadMetadata? ThreadMetadata { get; init; }
}

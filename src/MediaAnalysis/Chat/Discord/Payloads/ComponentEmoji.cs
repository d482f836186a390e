using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// A Unicode emoji by Name, or a custom one by Id.
public sealed record ComponentEmoji
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

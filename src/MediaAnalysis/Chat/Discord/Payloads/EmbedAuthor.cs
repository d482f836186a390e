using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record EmbedAuthor
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";
}

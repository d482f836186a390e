using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record Embed
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    // RGB as an integer, e.g. 0x5865F2.
    [JsonPropertyName("color")]
    public int? Color { get; init; }

    [JsonPropertyName("author")]
    public EmbedAuthor? Author { get; init; }

    [JsonPropertyName("footer")]
    public EmbedFooter? Footer { get; init; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

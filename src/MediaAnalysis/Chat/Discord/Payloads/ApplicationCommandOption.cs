using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record ApplicationCommandOption
{
    [JsonPropertyName("type")]
    public CommandOptionType Type { get; init; }

    // Lowercase, 1-32 characters.
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("description")]
    public string Description { get; init; } = "";

    [JsonPropertyName("required")]
    public bool? Required { get; init; }

    // ATTACHMENT only: "image", "video", "audio" or ".ext"; matched on the file name alone.
    [JsonPropertyName("file_types")]
    public IReadOnlyList<string>? FileTypes { get; init; }

    // STRING options: at most 25 fixed values.
    [JsonPropertyName("choices")]
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    [JsonPropertyName("max_length")]
    public int? MaxLength { get; init; }
}

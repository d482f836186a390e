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

    // SUB_COMMAND: its own options.
    [JsonPropertyName("options")]
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    // STRING, INTEGER, NUMBER without choices: Discord asks the bot what to offer while the person types.
    [JsonPropertyName("autocomplete")]
    public bool? Autocomplete { get; init; }

    [JsonPropertyName("min_value")]
    public decimal? MinValue { get; init; }
}

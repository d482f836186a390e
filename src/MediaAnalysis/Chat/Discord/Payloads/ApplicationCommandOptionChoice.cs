using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// One fixed value of a STRING option: what people see (1-100 characters) and what the bot gets.
public sealed record ApplicationCommandOptionChoice(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);

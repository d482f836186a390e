using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record AutocompleteChoices(
    [property: JsonPropertyName("choices")] IReadOnlyList<ApplicationCommandOptionChoice> Choices);

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// The answer to an autocomplete interaction (type 8): at most 25 choices.
public sealed record AutocompleteResponse(
    [property: JsonPropertyName("data")] AutocompleteChoices Data)
{
    [JsonPropertyName("type")]
    public InteractionCallbackType Type { get; init; } = InteractionCallbackType.ApplicationCommandAutocompleteResult;
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// An action row (type 1) holding one text input.
public sealed record ModalRow(
    [property: JsonPropertyName("components")] IReadOnlyList<TextInput> Components)
{
    [JsonPropertyName("type")]
    public ComponentType Type { get; init; } = ComponentType.ActionRow;
}

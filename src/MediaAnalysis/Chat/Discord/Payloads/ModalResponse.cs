using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record ModalResponse(
    [property: JsonPropertyName("data")] Modal Data)
{
    [JsonPropertyName("type")]
    public InteractionCallbackType Type { get; init; } = InteractionCallbackType.Modal;
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// `data` of a MODAL response (type 9): custom_id (at most 100), title (at most 45), 1-5 rows.
public sealed record Modal
{
    [JsonPropertyName("custom_id")]
    public string CustomId { get; init; } = "";

    [JsonPropertyName("title")]
    public string Title { get; init; } = "";

    [JsonPropertyName("components")]
    public IReadOnlyList<ModalRow> Components { get; init; } = [];
}

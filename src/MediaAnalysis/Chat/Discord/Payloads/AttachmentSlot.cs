using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// An entry of payload_json's `attachments`: Id is the n of the files[n] part.
public sealed record AttachmentSlot
{
    [JsonPropertyName("id")]
    public int Id { get; init; }

    [JsonPropertyName("filename")]
    public string Filename { get; init; } = "";

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}

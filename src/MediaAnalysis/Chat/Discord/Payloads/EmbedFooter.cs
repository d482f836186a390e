using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record EmbedFooter
{
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";
}

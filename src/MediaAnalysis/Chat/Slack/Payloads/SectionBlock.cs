using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// 1 to 3000 characters of text.
public sealed record SectionBlock : Block
{
    [JsonPropertyName("text")]
    public required TextObject Text { get; init; }
}

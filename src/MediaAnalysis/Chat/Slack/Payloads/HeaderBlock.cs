using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// plain_text only, at most 150 characters.
public sealed record HeaderBlock : Block
{
    [JsonPropertyName("text")]
    public required TextObject Text { get; init; }
}

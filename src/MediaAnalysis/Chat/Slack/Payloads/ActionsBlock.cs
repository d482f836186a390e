using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// Up to 25 interactive elements; we use buttons only.
public sealed record ActionsBlock : Block
{
    [JsonPropertyName("elements")]
    public required IReadOnlyList<ButtonElement> Elements { get; init; }
}

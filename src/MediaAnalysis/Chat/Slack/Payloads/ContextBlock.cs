using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// Small grey text: 1 to 10 elements.
public sealed record ContextBlock : Block
{
    [JsonPropertyName("elements")]
    public required IReadOnlyList<TextObject> Elements { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record ResponseMetadata
{
    [JsonPropertyName("warnings")]
    public IReadOnlyList<string>? Warnings { get; init; }

    // Details for invalid_blocks and the like ("[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text]").
    [JsonPropertyName("messages")]
    public IReadOnlyList<string>? Messages { get; init; }

    // Empty string on the last page.
    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// A button's confirm object: Slack's client asks "are you sure?" before it sends the click.
public sealed record ConfirmDialog
{
    // plain_text, at most 100 characters.
    [JsonPropertyName("title")]
    public required TextObject Title { get; init; }

    // At most 300 characters.
    [JsonPropertyName("text")]
    public required TextObject Text { get; init; }

    // plain_text, at most 30 characters each.
    [JsonPropertyName("confirm")]
    public required TextObject Confirm { get; init; }

    [JsonPropertyName("deny")]
    public required TextObject Deny { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }
}

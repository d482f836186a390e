using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Inbound;

// The answer to a view_submission that keeps the modal open with a message under each named block.
public sealed record SlackViewErrors(
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string> Errors)
{
    [JsonPropertyName("response_action")]
    public string ResponseAction { get; init; } = "errors";
}

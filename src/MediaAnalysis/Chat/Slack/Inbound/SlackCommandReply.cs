using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Inbound;

// The inline answer to a slash command: ephemeral, only the person who typed it sees it.
public sealed record SlackCommandReply(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("response_type")] string ResponseType = "ephemeral");

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Inbound;

public sealed record SlackChallenge([property: JsonPropertyName("challenge")] string Challenge);

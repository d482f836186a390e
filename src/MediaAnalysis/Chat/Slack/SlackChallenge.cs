using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack;

public sealed record SlackChallenge([property: JsonPropertyName("challenge")] string Challenge);

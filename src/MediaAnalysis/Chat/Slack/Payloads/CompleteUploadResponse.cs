using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record CompleteUploadResponse : SlackResponse
{
    [JsonPropertyName("files")]
    public IReadOnlyList<SlackFile>? Files { get; init; }
}

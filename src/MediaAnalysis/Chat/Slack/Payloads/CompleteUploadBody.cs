using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// files.completeUploadExternal: shares the uploaded files in a channel, or in a thread with thread_ts.
public sealed record CompleteUploadBody
{
    [JsonPropertyName("files")]
    public required IReadOnlyList<UploadedFileRef> Files { get; init; }

    [JsonPropertyName("channel_id")]
    public string? ChannelId { get; init; }

    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    [JsonPropertyName("initial_comment")]
    public string? InitialComment { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// files.getUploadURLExternal: where to POST the bytes, and the id to complete the upload with.
public sealed record UploadUrlResponse : SlackResponse
{
    [JsonPropertyName("upload_url")]
    public string? UploadUrl { get; init; }

    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }
}

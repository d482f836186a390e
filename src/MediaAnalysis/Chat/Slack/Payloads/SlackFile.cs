using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// A file as events, shortcuts, conversations.history and files.info show it. For video, url_private may be a
// transcoded rendition (files-tmb/...); url_private_download is the original. Both need the bot token.
public sealed record SlackFile
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("mimetype")]
    public string? Mimetype { get; init; }

    [JsonPropertyName("filetype")]
    public string? Filetype { get; init; }

    [JsonPropertyName("pretty_type")]
    public string? PrettyType { get; init; }

    [JsonPropertyName("size")]
    public long? Size { get; init; }

    // hosted, external (a link to Drive and the like: nothing to download), snippet, post, tombstone (deleted).
    [JsonPropertyName("mode")]
    public string? Mode { get; init; }

    [JsonPropertyName("is_external")]
    public bool? IsExternal { get; init; }

    // Slack Connect stubs say "check_file_info": the other fields are missing until files.info is called.
    [JsonPropertyName("file_access")]
    public string? FileAccess { get; init; }

    [JsonPropertyName("url_private")]
    public string? UrlPrivate { get; init; }

    [JsonPropertyName("url_private_download")]
    public string? UrlPrivateDownload { get; init; }

    [JsonPropertyName("permalink")]
    public string? Permalink { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("duration_ms")]
    public long? DurationMs { get; init; }
}

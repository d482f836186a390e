using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record Attachment
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("filename")]
    public string Filename { get; init; } = "";

    // Optional: check the extension and probe the file too.
    [JsonPropertyName("content_type")]
    public string? ContentType { get; init; }

    [JsonPropertyName("size")]
    public long Size { get; init; }

    // Signed (ex/is/hm query): download with the whole query string, and soon.
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";

    // media.discordapp.net answers 415 for files without width/height; use Url.
    [JsonPropertyName("proxy_url")]
    public string? ProxyUrl { get; init; }

    [JsonPropertyName("width")]
    public int? Width { get; init; }

    [JsonPropertyName("height")]
    public int? Height { get; init; }

    // Optional even for audio and video; never rely on it.
    [JsonPropertyName("duration_secs")]
    public double? DurationSecs { get; init; }

    // Files uploaded through a command option; Discord deletes them after an undocumented time.
    [JsonPropertyName("ephemeral")]
    public bool? Ephemeral { get; init; }
}

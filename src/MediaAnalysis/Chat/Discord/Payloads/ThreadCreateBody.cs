using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record ThreadCreateBody
{
    // 1-100 characters.
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    // Minutes: 60, 1440, 4320 or 10080.
    [JsonPropertyName("auto_archive_duration")]
    public int? AutoArchiveDuration { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record AllowedMentions
{
    // `parse: []`: mentions still render but nobody is pinged (not even @everyone in a model's answer).
    public static readonly AllowedMentions None = new() { Parse = [] };

    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; init; } = [];

    [JsonPropertyName("users")]
    public IReadOnlyList<string>? Users { get; init; }

    [JsonPropertyName("replied_user")]
    public bool? RepliedUser { get; init; }
}

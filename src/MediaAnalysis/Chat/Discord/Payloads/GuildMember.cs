using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

public sealed record GuildMember
{
    [JsonPropertyName("user")]
    public User? User { get; init; }

    [JsonPropertyName("nick")]
    public string? Nick { get; init; }

    // The member's permissions in the channel (decimal bitfield string).
    [JsonPropertyName("permissions")]
    public string? Permissions { get; init; }

    // The member's role ids.
    [JsonPropertyName("roles")]
    public IReadOnlyList<string>? Roles { get; init; }
}

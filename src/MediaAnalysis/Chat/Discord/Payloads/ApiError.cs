using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// Discord's error body: {"code": 50035, "message": "Invalid Form Body", "errors": {...path... "_errors": [...]}}.
public sealed record ApiError
{
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("errors")]
    public JsonElement? Errors { get; init; }
}

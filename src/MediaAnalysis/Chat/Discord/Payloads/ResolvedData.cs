using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// Maps keyed by snowflake: what the command's options and target refer to.
public sealed record ResolvedData
{
    [JsonPropertyName("attachments")]
    public IReadOnlyDictionary<string, Attachment>? Attachments { get; init; }

    [JsonPropertyName("messages")]
    public IReadOnlyDictionary<string, Message>? Messages { get; init; }

    [JsonPropertyName("users")]
    public IReadOnlyDictionary<string, User>? Users { get; init; }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// A message as Discord returns it (created, edited, or resolved for a message command).
public sealed record Message
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("channel_id")]
    public string ChannelId { get; init; } = "";

    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("author")]
    public User? Author { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonPropertyName("flags")]
    public MessageFlags? Flags { get; init; }

    // Set on messages sent through a webhook, including interaction responses (the application id).
    [JsonPropertyName("webhook_id")]
    public string? WebhookId { get; init; }
}

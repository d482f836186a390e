using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// Create/edit body for channel messages, interaction webhooks and callback data. Null fields are left out,
// which on an edit means "unchanged"; an empty Components list removes the buttons.
public sealed record MessageBody
{
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<Embed>? Embeds { get; init; }

    [JsonPropertyName("components")]
    public IReadOnlyList<Component>? Components { get; init; }

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions? AllowedMentions { get; init; }

    [JsonPropertyName("flags")]
    public MessageFlags? Flags { get; init; }

    // Multipart uploads: one slot per files[n] part; on an edit, attachments not listed are removed.
    [JsonPropertyName("attachments")]
    public IReadOnlyList<AttachmentSlot>? Attachments { get; init; }

    // Channel messages only: with EnforceNonce, a retried create returns the first message instead of a duplicate.
    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    [JsonPropertyName("enforce_nonce")]
    public bool? EnforceNonce { get; init; }
}

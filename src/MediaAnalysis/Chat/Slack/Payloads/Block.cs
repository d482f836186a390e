using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// The Block Kit blocks we send; "type" is written from the derived type.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
public abstract record Block
{
    [JsonPropertyName("block_id")]
    public string? BlockId { get; init; }
}

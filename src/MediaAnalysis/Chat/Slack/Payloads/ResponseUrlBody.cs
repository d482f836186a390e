using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

// A message POSTed to a slash command's or shortcut's response_url.
public sealed record ResponseUrlBody
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("response_type")]
    public required string ResponseType { get; init; }

    [JsonPropertyName("replace_original")]
    public bool? ReplaceOriginal { get; init; }

    [JsonPropertyName("blocks")]
    public IReadOnlyList<Block>? Blocks { get; init; }
}

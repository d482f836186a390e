using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Payloads;

public sealed record TextObject
{
    public const string Mrkdwn = "mrkdwn";
    public const string PlainText = "plain_text";

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    // plain_text only: turn :emoji: codes into emoji.
    [JsonPropertyName("emoji")]
    public bool? Emoji { get; init; }

    public static TextObject Markdown(string text) => new() { Type = Mrkdwn, Text = text };

    public static TextObject Plain(string text) => new() { Type = PlainText, Text = text, Emoji = true };
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord.Payloads;

// Legacy message components: an action row (type 1) holding up to 5 buttons (type 2).
public sealed record Component
{
    [JsonPropertyName("type")]
    public ComponentType Type { get; init; }

    [JsonPropertyName("components")]
    public IReadOnlyList<Component>? Components { get; init; }

    [JsonPropertyName("style")]
    public ButtonStyle? Style { get; init; }

    // At most 80 characters.
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    // 1-100 characters, unique within the message.
    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }

    // A link button's (style 5) address: Discord opens it and sends the bot nothing.
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("emoji")]
    public ComponentEmoji? Emoji { get; init; }

    [JsonPropertyName("disabled")]
    public bool? Disabled { get; init; }

    public static Component Row(params IReadOnlyList<Component> children) =>
        new() { Type = ComponentType.ActionRow, Components = children };

    public static Component Button(ButtonStyle style, string label, string customId, string? emoji = null) => new()
    {
        Type = ComponentType.Button,
        Style = style,
        Label = label,
        CustomId = customId,
        Emoji = emoji is null ? null : new ComponentEmoji { Name = emoji },
    };

    public static Component Link(string label, string url) => new()
    {
        Type = ComponentType.Button,
        Style = ButtonStyle.Link,
        Label = label,
        Url = url,
    };
}

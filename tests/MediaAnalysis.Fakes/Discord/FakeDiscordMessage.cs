using System.Text.Json;

namespace MediaAnalysis.Fakes.Discord;

// A message the fake holds, in its latest state after edits.
public sealed record FakeDiscordMessage(string Id, string ChannelId, DateTimeOffset CreatedAt)
{
    public string? Content { get; init; }

    public IReadOnlyList<JsonElement> Embeds { get; init; } = [];

    public IReadOnlyList<JsonElement> Components { get; init; } = [];

    public IReadOnlyList<FakeDiscordPart> Files { get; init; } = [];

    public int Flags { get; init; }

    public bool ViaWebhook { get; init; }

    public int Edits { get; init; }

    public string? Nonce { get; init; }

    public IReadOnlyList<string> EmbedDescriptions => [.. Embeds.Select(e => Text(e, "description") ?? "")];

    public IReadOnlyList<string> EmbedTitles => [.. Embeds.Select(e => Text(e, "title") ?? "")];

    // custom_id of every button, in order.
    public IReadOnlyList<string> ButtonIds => [.. Buttons.Select(button => Text(button, "custom_id")).OfType<string>()];

    // (label, url) of every link button, in order.
    public IReadOnlyList<(string? Label, string Url)> Links =>
        [.. Buttons.Where(button => Text(button, "url") is not null).Select(button => (Text(button, "label"), Text(button, "url")!))];

    // The label of every button, in order, as a person sees the row.
    public IReadOnlyList<string> ButtonLabels => [.. Buttons.Select(button => Text(button, "label") ?? "")];

    private IEnumerable<JsonElement> Buttons =>
        Components.SelectMany(row => row.TryGetProperty("components", out var children) ? children.EnumerateArray() : Enumerable.Empty<JsonElement>());

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

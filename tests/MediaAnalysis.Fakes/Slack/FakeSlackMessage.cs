using System.Text.Json;

namespace MediaAnalysis.Fakes.Slack;

// A message the bot posted (or a person, when seeded), as it stands now. Version counts chat.update calls.
// EphemeralFor is set for chat.postEphemeral messages, which never show in history.
public sealed record FakeSlackMessage(string Channel, string Ts, string? ThreadTs, string? Text, JsonElement? Blocks, string? User, string? BotId)
{
    public string? EphemeralFor { get; init; }

    public int Version { get; init; }

    // chat.postMessage's metadata ({event_type, event_payload}), shown by conversations.replies/history only
    // with include_all_metadata=true.
    public JsonElement? Metadata { get; init; }

    public string? MetadataEventType =>
        Metadata is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("event_type", out var t) ? t.GetString() : null;

    public IReadOnlyList<JsonElement> BlockList =>
        Blocks is { ValueKind: JsonValueKind.Array } blocks ? [.. blocks.EnumerateArray()] : [];

    // The mrkdwn or plain text of every block of a type, in order.
    public IReadOnlyList<string> TextsOf(string blockType) =>
        [.. BlockList.Where(b => b.GetProperty("type").GetString() == blockType).SelectMany(FakeSlackBlockRules.TextsIn)];

    // The url of the button with this action_id (a link button), or null.
    public string? ButtonUrl(string actionId) =>
        BlockList.Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Where(e => e.TryGetProperty("action_id", out var id) && id.GetString() == actionId && e.TryGetProperty("url", out _))
            .Select(e => e.GetProperty("url").GetString())
            .FirstOrDefault();

    public bool HasButton(string actionId) =>
        BlockList.Any(b => b.GetProperty("type").GetString() == "actions"
            && b.GetProperty("elements").EnumerateArray().Any(e => e.TryGetProperty("action_id", out var id) && id.GetString() == actionId));
}

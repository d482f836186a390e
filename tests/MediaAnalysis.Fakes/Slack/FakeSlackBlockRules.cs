using System.Text.Json;

namespace MediaAnalysis.Fakes.Slack;

// What Slack refuses (invalid_blocks, msg_blocks_too_long, no_text) or truncates in a message, as a list of
// problems; empty means Slack would take it. Usable on the fake's requests and on rendered output alike.
public static class FakeSlackBlockRules
{
    public const int MaxText = 40_000;
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;

    // Slack does not publish it; messages fail at roughly 12-13k characters of block text (bolt-js #2509, #2867).
    public const int MaxBlockTextTotal = 12_000;

    private static readonly HashSet<string> TextTypes = ["mrkdwn", "plain_text"];

    public static IReadOnlyList<string> Check(string? text, JsonElement? blocks)
    {
        var problems = new List<string>();
        if (text is { Length: > MaxText })
        {
            problems.Add($"text is {text.Length} characters; Slack truncates above {MaxText}");
        }
        var hasBlocks = blocks is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0;
        if (string.IsNullOrEmpty(text) && !hasBlocks)
        {
            problems.Add("no_text: neither text nor blocks");
        }
        if (blocks is not { } list || list.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return problems;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("blocks is not an array");
            return problems;
        }
        if (list.GetArrayLength() > MaxBlocks)
        {
            problems.Add($"{list.GetArrayLength()} blocks; at most {MaxBlocks}");
        }
        var total = 0;
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var block in list.EnumerateArray())
        {
            CheckBlock(block, $"/blocks/{index++}", problems, actionIds);
            total += TextsIn(block).Sum(t => t.Length);
        }
        if (total > MaxBlockTextTotal)
        {
            problems.Add($"msg_blocks_too_long: {total} characters of block text; Slack fails at about {MaxBlockTextTotal}");
        }
        return problems;
    }

    // The texts a block shows: a section's or header's text, a context's elements, a button's label.
    public static IEnumerable<string> TextsIn(JsonElement block)
    {
        if (block.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object && text.TryGetProperty("text", out var t))
        {
            yield return t.GetString() ?? "";
        }
        if (block.TryGetProperty("elements", out var elements) && elements.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in elements.EnumerateArray())
            {
                if (element.TryGetProperty("text", out var et))
                {
                    yield return et.ValueKind == JsonValueKind.String ? et.GetString() ?? ""
                        : et.ValueKind == JsonValueKind.Object && et.TryGetProperty("text", out var inner) ? inner.GetString() ?? "" : "";
                }
            }
        }
    }

    private static void CheckBlock(JsonElement block, string at, List<string> problems, HashSet<string> actionIds)
    {
        var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (block.TryGetProperty("block_id", out var id) && id.GetString() is { Length: > 255 })
        {
            problems.Add($"{at}/block_id longer than 255");
        }
        switch (type)
        {
            case "section":
                CheckText(block, at, "mrkdwn or plain_text", TextTypes, 1, MaxSectionText, problems);
                break;
            case "header":
                CheckText(block, at, "plain_text", ["plain_text"], 1, MaxHeaderText, problems);
                break;
            case "context":
                CheckElements(block, at, 10, problems, e =>
                {
                    var kind = e.TryGetProperty("type", out var k) ? k.GetString() : null;
                    if (kind is not ("mrkdwn" or "plain_text" or "image"))
                    {
                        problems.Add($"{at}: context element of type {kind}");
                    }
                    else if (kind != "image" && (!e.TryGetProperty("text", out var x) || x.GetString() is not { Length: >= 1 and <= MaxSectionText }))
                    {
                        problems.Add($"{at}: context text must be 1-{MaxSectionText} characters");
                    }
                });
                break;
            case "actions":
                CheckElements(block, at, 25, problems, e => CheckButton(e, at, problems, actionIds));
                break;
            default:
                problems.Add($"{at}: block type {type ?? "(none)"} is not one the bot sends");
                break;
        }
    }

    private static void CheckText(JsonElement block, string at, string expected, HashSet<string> types, int min, int max, List<string> problems, string field = "text")
    {
        if (!block.TryGetProperty(field, out var text) || text.ValueKind != JsonValueKind.Object
            || !text.TryGetProperty("type", out var type) || !types.Contains(type.GetString() ?? "")
            || !text.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{at}/text must be a {expected} text object");
            return;
        }
        var length = value.GetString()!.Length;
        if (length < min || length > max || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{at}/text is {length} characters; must be {min}-{max} and not blank");
        }
    }

    private static void CheckElements(JsonElement block, string at, int max, List<string> problems, Action<JsonElement> check)
    {
        if (!block.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array || elements.GetArrayLength() is 0)
        {
            problems.Add($"{at}/elements must be a non-empty array");
            return;
        }
        if (elements.GetArrayLength() > max)
        {
            problems.Add($"{at}/elements has {elements.GetArrayLength()}; at most {max}");
        }
        foreach (var element in elements.EnumerateArray())
        {
            check(element);
        }
    }

    private static void CheckButton(JsonElement button, string at, List<string> problems, HashSet<string> actionIds)
    {
        if (!button.TryGetProperty("type", out var type) || type.GetString() != "button")
        {
            problems.Add($"{at}: only buttons expected in actions");
            return;
        }
        CheckText(button, at + "/button", "plain_text", ["plain_text"], 1, 75, problems);
        var actionId = button.TryGetProperty("action_id", out var a) ? a.GetString() : null;
        if (actionId is null or { Length: > 255 } || !actionIds.Add(actionId))
        {
            problems.Add($"{at}: action_id must be 1-255 characters and unique in the message");
        }
        if (button.TryGetProperty("url", out var url) && (url.GetString() is not { Length: > 0 and <= 3000 } u
            || !(u.StartsWith("https://", StringComparison.Ordinal) || u.StartsWith("http://", StringComparison.Ordinal))))
        {
            problems.Add($"{at}: button url must be an http(s) address of at most 3000 characters");
        }
        if (button.TryGetProperty("value", out var v) && v.GetString() is { Length: > 2000 })
        {
            problems.Add($"{at}: button value longer than 2000");
        }
        if (button.TryGetProperty("confirm", out var confirm))
        {
            CheckText(confirm, at + "/confirm", "plain_text", ["plain_text"], 1, 100, problems, "title");
            CheckText(confirm, at + "/confirm", "plain_text", ["plain_text", "mrkdwn"], 1, 300, problems);
            CheckText(confirm, at + "/confirm", "plain_text", ["plain_text"], 1, 30, problems, "confirm");
            CheckText(confirm, at + "/confirm", "plain_text", ["plain_text"], 1, 30, problems, "deny");
        }
        if (button.TryGetProperty("style", out var s) && s.GetString() is not ("primary" or "danger"))
        {
            problems.Add($"{at}: button style must be primary or danger");
        }
    }
}

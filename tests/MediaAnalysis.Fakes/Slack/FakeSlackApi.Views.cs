using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Slack;

// views.open: a modal opened with a slash command's or a shortcut's trigger_id (JSON body {trigger_id, view}).
// Checks Block Kit's modal limits (title 24, callback_id 255, up to 100 blocks, unique block ids, input labels
// 2000, plain_text_input max_length 3000 and its initial_value within it) and records each view opened.
public sealed partial class FakeSlackApi
{
    private readonly List<FakeSlackView> _views = [];

    public IReadOnlyList<FakeSlackView> Views => Locked(() => _views.ToList());

    private async Task ViewsOpenAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (request.Json is not { ValueKind: JsonValueKind.Object } body)
        {
            await ErrorAsync(context, "invalid_arguments");
            return;
        }
        if (!body.TryGetProperty("trigger_id", out var trigger) || trigger.GetString() is not { Length: > 0 } triggerId)
        {
            await ErrorAsync(context, "invalid_trigger_id");
            return;
        }
        if (!body.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object || ViewProblem(view) is { } problem)
        {
            Violation($"views.open: {(view.ValueKind == JsonValueKind.Object ? ViewProblem(view) : "no view object")}");
            await ErrorAsync(context, "invalid_arguments");
            return;
        }
        var id = Locked(() =>
        {
            _views.Add(new FakeSlackView(triggerId, view.Clone()));
            return $"V{_views.Count:D8}";
        });
        await OkAsync(context, new JsonObject { ["view"] = new JsonObject { ["id"] = id, ["type"] = "modal" } }, warnings);
    }

    private static string? ViewProblem(JsonElement view)
    {
        if (Text(view, "type") != "modal")
        {
            return "view.type must be modal";
        }
        if (!view.TryGetProperty("title", out var title) || Text(title, "text") is not { Length: >= 1 and <= 24 })
        {
            return "title must be plain_text of 1-24 characters";
        }
        if (Text(view, "callback_id") is { Length: > 255 })
        {
            return "callback_id longer than 255";
        }
        var blocks = view.TryGetProperty("blocks", out var b) && b.ValueKind == JsonValueKind.Array ? b.EnumerateArray().ToList() : [];
        if (blocks.Count is 0 or > 100)
        {
            return "a modal has 1-100 blocks";
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (Text(block, "block_id") is { } id && (!ids.Add(id) || id.Length > 255))
            {
                return $"block_id {id} repeated or too long";
            }
            if (Text(block, "type") != "input")
            {
                continue;
            }
            if (!view.TryGetProperty("submit", out _))
            {
                return "a modal with input blocks needs a submit button";
            }
            if (!block.TryGetProperty("label", out var label) || Text(label, "text") is not { Length: >= 1 and <= 2000 })
            {
                return "input label must be 1-2000 characters";
            }
            if (block.TryGetProperty("element", out var element) && Text(element, "type") == "plain_text_input")
            {
                var max = element.TryGetProperty("max_length", out var m) ? m.GetInt32() : 3000;
                if (max > 3000 || (Text(element, "initial_value") is { } initial && initial.Length > max))
                {
                    return $"plain_text_input {Text(block, "block_id")}: max_length over 3000 or initial_value over max_length";
                }
            }
        }
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

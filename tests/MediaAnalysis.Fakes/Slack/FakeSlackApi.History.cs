using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Slack;

public sealed partial class FakeSlackApi
{
    // A message a person posted before the test, shown by conversations.history (newest first, merged with the
    // bot's own top-level posts). Returns its ts.
    public string PostUserMessage(string channel, string user, string text, params IReadOnlyList<FakeSlackFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Locked(() =>
        {
            var ts = NextTs();
            var message = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = text, ["ts"] = ts };
            if (files.Count > 0)
            {
                message["files"] = new JsonArray([.. files.Select(f => (JsonNode?)FileJson(f))]);
                message["upload"] = false;
            }
            Seed(channel, message);
            return ts;
        });
    }

    // Any message JSON, as Slack would return it (it needs a "ts").
    public void AddHistoryMessage(string channel, JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Locked(() =>
        {
            Seed(channel, (JsonObject)message.DeepClone());
            return 0;
        });
    }

    // A seeded message as Slack shows it in events and shortcut payloads, to build those from.
    public JsonObject? SeededMessage(string channel, string ts) =>
        Locked(() => _seeded.GetValueOrDefault(channel)?.FirstOrDefault(m => (string?)m["ts"] == ts)?.DeepClone() as JsonObject);

    private void Seed(string channel, JsonObject message)
    {
        if (!_seeded.TryGetValue(channel, out var list))
        {
            _seeded[channel] = list = [];
        }
        list.Add(message);
    }

    private async Task HistoryAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (await RefuseChannelAsync(context, request.Arg("channel")) is not { } channel)
        {
            return;
        }
        var limit = int.TryParse(request.Arg("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 999) : 100;
        var inclusive = request.Arg("inclusive") is "true" or "1";
        var oldest = request.Arg("oldest") is { } o ? TsValue(o) : decimal.MinValue;
        var latest = request.Arg("latest") is { } n ? TsValue(n) : decimal.MaxValue;
        var offset = Offset(request.Arg("cursor"));

        // Replies stay in their thread (conversations.replies); a thread's parent shows in the channel.
        var all = Locked(() => (_seeded.GetValueOrDefault(channel) ?? []).Where(IsChannelLevel).Select(m => (JsonObject)m.DeepClone())
            .Concat(_messages.Where(m => m.Channel == channel && m.EphemeralFor is null && (m.ThreadTs is null || m.ThreadTs == m.Ts)).Select(MessageJson))
            .ToList());
        var inRange = all
            .Select(m => (Message: m, Ts: TsValue((string?)m["ts"])))
            .Where(m => inclusive ? m.Ts >= oldest && m.Ts <= latest : m.Ts > oldest && m.Ts < latest)
            .OrderByDescending(m => m.Ts)
            .Select(m => m.Message)
            .ToList();
        var page = inRange.Skip(offset).Take(limit).ToList();
        var more = offset + page.Count < inRange.Count;
        await OkAsync(context, new JsonObject
        {
            ["messages"] = new JsonArray([.. page]),
            ["has_more"] = more,
            ["pin_count"] = 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? Cursor(offset + page.Count) : "" },
        }, warnings);
    }

    private static bool IsChannelLevel(JsonObject message) =>
        (string?)message["thread_ts"] is not { } thread || thread == (string?)message["ts"];

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"offset:{offset}"));

    private static int Offset(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }
        var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
        return int.Parse(text.AsSpan("offset:".Length), CultureInfo.InvariantCulture);
    }
}

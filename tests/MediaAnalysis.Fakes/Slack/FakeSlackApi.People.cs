using System.Globalization;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Slack;

// Threads, channel members, people's roles, permalinks, Slack Connect file stubs and slow methods.
public sealed partial class FakeSlackApi
{
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private readonly HashSet<string> _admins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);

    // A reply a person posted in the thread under threadTs; conversations.replies shows it, history does not.
    public string PostUserReply(string channel, string threadTs, string user, string text, params IReadOnlyList<FakeSlackFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Locked(() =>
        {
            var ts = NextTs();
            var message = new JsonObject { ["type"] = "message", ["user"] = user, ["text"] = text, ["ts"] = ts, ["thread_ts"] = threadTs };
            if (files.Count > 0)
            {
                message["files"] = new JsonArray([.. files.Select(f => (JsonNode?)FileJson(f))]);
            }
            var parent = _seeded.GetValueOrDefault(channel)?.FirstOrDefault(m => (string?)m["ts"] == threadTs);
            if (parent is not null)
            {
                parent["thread_ts"] = threadTs;
                parent["reply_count"] = ((int?)parent["reply_count"] ?? 0) + 1;
            }
            Seed(channel, message);
            return ts;
        });
    }

    // A file as Slack Connect shows it in events and shortcuts: only its id and file_access "check_file_info".
    public static JsonObject StubJson(FakeSlackFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new JsonObject { ["id"] = file.Id, ["mode"] = "file_access", ["file_access"] = "check_file_info" };
    }

    // conversations.members lists these (in pages of the request's limit).
    public void AddMembers(string channel, params IReadOnlyList<string> users) => Locked(() =>
    {
        if (!_members.TryGetValue(channel, out var list))
        {
            _members[channel] = list = [];
        }
        list.AddRange(users);
        return 0;
    });

    // users.info says is_admin for this person.
    public void MakeAdmin(string user) => Locked(() => _admins.Add(user));

    // Every call of the method waits this long before answering.
    public void Slow(string method, TimeSpan delay) => Locked(() => _delays[method] = delay);

    private async Task RepliesAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (await RefuseChannelAsync(context, request.Arg("channel")) is not { } channel)
        {
            return;
        }
        var thread = request.Arg("ts");
        var oldest = request.Arg("oldest") is { } o ? TsValue(o) : decimal.MinValue;
        var latest = request.Arg("latest") is { } n ? TsValue(n) : decimal.MaxValue;
        // People's messages and the bot's own (with metadata only when include_all_metadata asks for it).
        var withMetadata = request.Arg("include_all_metadata") is "true" or "1";
        var messages = Locked(() => (_seeded.GetValueOrDefault(channel) ?? [])
            .Where(m => (string?)m["ts"] == thread || (string?)m["thread_ts"] == thread)
            .Select(m => (JsonObject)m.DeepClone())
            .Concat(_messages.Where(m => m.Channel == channel && m.EphemeralFor is null && (m.Ts == thread || m.ThreadTs == thread))
                .Select(m => MessageJson(m, withMetadata)))
            .ToList());
        if (!messages.Any(m => (string?)m["ts"] == thread))
        {
            await ErrorAsync(context, "thread_not_found");
            return;
        }
        // The parent always comes first; the replies within oldest..latest (inclusive) follow, oldest first.
        var page = messages.Where(m => (string?)m["ts"] == thread)
            .Concat(messages.Where(m => (string?)m["ts"] != thread && TsValue((string?)m["ts"]) >= oldest && TsValue((string?)m["ts"]) <= latest)
                .OrderBy(m => TsValue((string?)m["ts"])))
            .ToList();
        await OkAsync(context, new JsonObject
        {
            ["messages"] = new JsonArray([.. page]),
            ["has_more"] = false,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = "" },
        }, warnings);
    }

    private async Task MembersAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (request.Arg("channel") is not { Length: > 0 } channel)
        {
            await ErrorAsync(context, "channel_not_found");
            return;
        }
        var limit = int.TryParse(request.Arg("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 1000) : 100;
        var offset = Offset(request.Arg("cursor"));
        var all = Locked(() => _members.GetValueOrDefault(channel)?.ToList() ?? []);
        var page = all.Skip(offset).Take(limit).ToList();
        var more = offset + page.Count < all.Count;
        await OkAsync(context, new JsonObject
        {
            ["members"] = new JsonArray([.. page.Select(u => (JsonNode?)u)]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? Cursor(offset + page.Count) : "" },
        }, warnings);
    }

    private async Task UserInfoAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (request.Arg("user") is not { Length: > 0 } user)
        {
            await ErrorAsync(context, "user_not_found");
            return;
        }
        var admin = Locked(() => _admins.Contains(user));
        await OkAsync(context, new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = user, ["team_id"] = TeamId, ["name"] = user.ToLowerInvariant(), ["deleted"] = false,
                ["is_admin"] = admin, ["is_owner"] = false, ["is_primary_owner"] = false, ["is_bot"] = false,
            },
        }, warnings);
    }

    private async Task PermalinkAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        var channel = request.Arg("channel");
        var ts = request.Arg("message_ts");
        var message = Locked(() => _messages.FirstOrDefault(m => m.Channel == channel && m.Ts == ts && m.EphemeralFor is null));
        var seeded = channel is null || ts is null ? null : SeededMessage(channel, ts);
        if (message is null && seeded is null)
        {
            await ErrorAsync(context, "message_not_found");
            return;
        }
        var thread = message?.ThreadTs ?? (string?)seeded?["thread_ts"];
        var link = $"https://{TeamDomain}.slack.com/archives/{channel}/p{ts!.Replace(".", "", StringComparison.Ordinal)}";
        if (thread is not null && thread != ts)
        {
            link += $"?thread_ts={thread}&cid={channel}";
        }
        await OkAsync(context, new JsonObject { ["channel"] = channel, ["permalink"] = link }, warnings);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Slack;

public sealed partial class FakeSlackApi
{
    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var body = await ReadBodyAsync(http, context.RequestAborted);
        var path = http.Path.Value ?? "/";
        var name = path switch
        {
            _ when path.StartsWith("/api/", StringComparison.Ordinal) => path[5..],
            _ when path.StartsWith("/upload/", StringComparison.Ordinal) => "upload",
            _ when path.StartsWith("/files-pri/", StringComparison.Ordinal) => "download",
            _ when path.StartsWith("/hooks/response/", StringComparison.Ordinal) => "response_url",
            _ => "unknown",
        };
        var request = new FakeSlackRequest(name, http.Method, path, http.QueryString.Value ?? "", Snapshot(http.Headers), body, DateTimeOffset.UtcNow);
        var index = Locked(() =>
        {
            _requests.Add(request);
            return _requests.Count - 1;
        });
        await (name switch
        {
            "upload" => UploadAsync(context, request),
            "download" => DownloadAsync(context, request),
            "response_url" => ResponseUrlAsync(context, request),
            "unknown" => ErrorAsync(context, "not_found", 404),
            _ => ApiAsync(context, request),
        });
        Locked(() => _requests[index] = request with { Status = context.Response.StatusCode });
    }

    private async Task ApiAsync(HttpContext context, FakeSlackRequest request)
    {
        var method = request.Name;
        if (request.Form.ContainsKey("token") || request.Json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("token", out _))
        {
            Violation($"{method}: token sent in the query or body instead of the Authorization header");
        }
        var auth = request.Header("Authorization");
        if (string.IsNullOrEmpty(auth))
        {
            await ErrorAsync(context, "not_authed");
            return;
        }
        if (auth != $"Bearer {BotToken}")
        {
            await ErrorAsync(context, "invalid_auth");
            return;
        }
        var warnings = CharsetWarnings(request);
        if (Locked(() => _delays.GetValueOrDefault(method)) is { } delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        if (TakeFault(method) is { } fault)
        {
            await WriteFaultAsync(context, fault);
            return;
        }
        await (method switch
        {
            "auth.test" => OkAsync(context, new JsonObject
            {
                ["url"] = BaseAddress.ToString(), ["team"] = "Fake Team", ["user"] = "mediaanalysis",
                ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = BotId,
            }, warnings),
            "chat.postMessage" => PostMessageAsync(context, request, warnings),
            "chat.update" => UpdateAsync(context, request, warnings),
            "chat.postEphemeral" => PostEphemeralAsync(context, request, warnings),
            "conversations.history" => HistoryAsync(context, request, warnings),
            "files.getUploadURLExternal" => UploadUrlAsync(context, request, warnings),
            "files.completeUploadExternal" => CompleteUploadAsync(context, request, warnings),
            "files.info" => FileInfoAsync(context, request, warnings),
            "conversations.replies" => RepliesAsync(context, request, warnings),
            "conversations.members" => MembersAsync(context, request, warnings),
            "users.info" => UserInfoAsync(context, request, warnings),
            "chat.getPermalink" => PermalinkAsync(context, request, warnings),
            "views.open" => ViewsOpenAsync(context, request, warnings),
            _ => ErrorAsync(context, "unknown_method", 404),
        });
    }

    // Slack warns (and we count it as a violation) about JSON without a charset and forms with one.
    private List<string> CharsetWarnings(FakeSlackRequest request)
    {
        var warnings = new List<string>();
        var type = request.ContentType ?? "";
        if (request.Body.Length == 0)
        {
            return warnings;
        }
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.Contains("charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add("missing_charset");
        }
        else if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) && type.Contains("charset", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add("superfluous_charset");
        }
        foreach (var warning in warnings)
        {
            Violation($"{request.Name}: {warning} (Content-Type: {type})");
        }
        return warnings;
    }

    private async Task PostMessageAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (await RefuseChannelAsync(context, request.Arg("channel")) is not { } channel)
        {
            return;
        }
        var text = request.Arg("text");
        var blocks = BlocksOf(request);
        if (await RefuseContentAsync(context, request.Name, text, blocks, warnings))
        {
            return;
        }
        var threadTs = request.Arg("thread_ts");
        if (threadTs is not null && Locked(() => _messages.FirstOrDefault(m => m.Channel == channel && m.Ts == threadTs)) is { ThreadTs: { } parent } reply && parent != reply.Ts)
        {
            Violation($"chat.postMessage: thread_ts {threadTs} is a reply; use its parent's ts {parent}");
        }
        var (metadata, metadataError) = MetadataOf(request);
        if (metadataError is not null)
        {
            Violation($"chat.postMessage: {metadataError}");
            await ErrorAsync(context, metadataError);
            return;
        }
        CountPost(channel, request.Name);
        var message = Locked(() =>
        {
            var posted = new FakeSlackMessage(channel, NextTs(), threadTs, text, blocks, BotUserId, BotId) { Metadata = metadata };
            _messages.Add(posted);
            return posted;
        });
        Posted?.Invoke(message);
        await OkAsync(context, new JsonObject { ["channel"] = channel, ["ts"] = message.Ts, ["message"] = MessageJson(message) }, warnings);
    }

    private async Task UpdateAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (await RefuseChannelAsync(context, request.Arg("channel")) is not { } channel)
        {
            return;
        }
        var ts = request.Arg("ts");
        var existing = Locked(() => _messages.FirstOrDefault(m => m.Channel == channel && m.Ts == ts && m.EphemeralFor is null));
        if (existing is null)
        {
            await ErrorAsync(context, "message_not_found");
            return;
        }
        if (existing.BotId != BotId)
        {
            await ErrorAsync(context, "cant_update_message");
            return;
        }
        var text = request.Arg("text");
        var blocks = BlocksOf(request);
        if (await RefuseContentAsync(context, request.Name, text, blocks, warnings))
        {
            return;
        }
        CountPost(channel, request.Name);
        var updated = Locked(() =>
        {
            var index = _messages.IndexOf(existing);
            var edited = existing with { Text = text ?? existing.Text, Blocks = blocks ?? existing.Blocks, Version = existing.Version + 1 };
            _messages[index] = edited;
            return edited;
        });
        await OkAsync(context, new JsonObject { ["channel"] = channel, ["ts"] = updated.Ts, ["text"] = updated.Text }, warnings);
    }

    private async Task PostEphemeralAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (await RefuseChannelAsync(context, request.Arg("channel")) is not { } channel)
        {
            return;
        }
        if (request.Arg("user") is not { Length: > 0 } user)
        {
            await ErrorAsync(context, "user_not_in_channel");
            return;
        }
        var text = request.Arg("text");
        var blocks = BlocksOf(request);
        if (await RefuseContentAsync(context, request.Name, text, blocks, warnings))
        {
            return;
        }
        var message = Locked(() =>
        {
            var posted = new FakeSlackMessage(channel, NextTs(), request.Arg("thread_ts"), text, blocks, BotUserId, BotId) { EphemeralFor = user };
            _messages.Add(posted);
            return posted;
        });
        await OkAsync(context, new JsonObject { ["message_ts"] = message.Ts }, warnings);
    }
}

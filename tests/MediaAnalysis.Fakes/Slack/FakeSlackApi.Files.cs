using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Slack;

public sealed partial class FakeSlackApi
{
    // A file people shared, downloadable at its url_private_download with the bot token only (without it, Slack's
    // HTML sign-in page with status 200).
    public FakeSlackFile HostFile(string name, byte[] content, string mimetype = "video/mp4") =>
        Locked(() =>
        {
            var file = new FakeSlackFile(NextFileId(), name, mimetype, content) { Title = name, DeclaredLength = content.Length, Uploaded = true };
            _files[file.Id] = file;
            return file;
        });

    public Uri DownloadUrl(FakeSlackFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Uri(BaseAddress, $"files-pri/{TeamId}-{file.Id}/download/{Uri.EscapeDataString(file.Name)}");
    }

    // The file object as events, shortcuts and history carry it.
    public JsonObject FileJson(FakeSlackFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(file.Name).TrimStart('.').ToLowerInvariant();
        return new JsonObject
        {
            ["id"] = file.Id,
            ["name"] = file.Name,
            ["title"] = file.Title ?? file.Name,
            ["mimetype"] = file.Mimetype,
            ["filetype"] = extension.Length == 0 ? "binary" : extension,
            ["size"] = file.Content.Length,
            ["mode"] = "hosted",
            ["is_external"] = false,
            ["url_private"] = new Uri(BaseAddress, $"files-pri/{TeamId}-{file.Id}/{Uri.EscapeDataString(file.Name)}").ToString(),
            ["url_private_download"] = DownloadUrl(file).ToString(),
            ["permalink"] = $"https://{TeamDomain}.slack.com/files/U0PERSON01/{file.Id}/{Uri.EscapeDataString(file.Name)}",
        };
    }

    private string NextFileId() => $"F0FAKE{_nextFile++:D5}";

    private async Task UploadUrlAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (request.Json is not null)
        {
            Violation("files.getUploadURLExternal: sent as JSON; Slack documents form arguments for it");
        }
        var name = request.Arg("filename");
        if (string.IsNullOrEmpty(name) || !long.TryParse(request.Arg("length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 1)
        {
            await ErrorAsync(context, "invalid_arguments");
            return;
        }
        var file = Locked(() =>
        {
            var created = new FakeSlackFile(NextFileId(), name, "text/plain", []) { DeclaredLength = length };
            _files[created.Id] = created;
            return created;
        });
        var upload = new UriBuilder(BaseAddress) { Host = UploadHost ?? BaseAddress.Host, Path = $"upload/v1/{file.Id}" }.Uri;
        await OkAsync(context, new JsonObject { ["upload_url"] = upload.ToString(), ["file_id"] = file.Id }, warnings);
    }

    // Slack's upload host answers "OK - <bytes>" as text; it needs no token (the URL is pre-signed).
    private async Task UploadAsync(HttpContext context, FakeSlackRequest request)
    {
        var id = request.Path["/upload/v1/".Length..];
        if (request.HttpMethod != "POST" || Locked(() => _files.GetValueOrDefault(id)) is not { Uploaded: false } file)
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (TakeFault("upload") is { } fault)
        {
            await WriteFaultAsync(context, fault);
            return;
        }
        if (UploadHost is not null && UploadHost != BaseAddress.Host && request.Header("Authorization") is not null)
        {
            Violation($"upload: the bot token was sent to {UploadHost}, which is not the API host");
        }
        if (request.Body.LongLength != file.DeclaredLength)
        {
            Violation($"upload: {request.Body.LongLength} bytes arrived for a declared length of {file.DeclaredLength}");
        }
        Locked(() => _files[id] = file with { Content = request.Body, Uploaded = true });
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"OK - {request.Body.LongLength}", context.RequestAborted);
    }

    private async Task CompleteUploadAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        var refs = Parse(request.Arg("files")) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        if (refs.Count == 0)
        {
            await ErrorAsync(context, "invalid_arguments");
            return;
        }
        var channel = request.Arg("channel_id");
        if (channel is not null && await RefuseChannelAsync(context, channel) is null)
        {
            return;
        }
        var threadTs = request.Arg("thread_ts");
        var shared = new JsonArray();
        foreach (var fileRef in refs)
        {
            var id = fileRef.TryGetProperty("id", out var i) ? i.GetString() : null;
            var title = fileRef.TryGetProperty("title", out var t) ? t.GetString() : null;
            if (id is null || Locked(() => _files.GetValueOrDefault(id)) is not { Uploaded: true } file)
            {
                await ErrorAsync(context, "file_not_found");
                return;
            }
            var done = file with { Title = title ?? file.Name, Channel = channel, ThreadTs = threadTs, InitialComment = request.Arg("initial_comment") };
            Locked(() => _files[done.Id] = done);
            shared.Add(FileJson(done));
        }
        if (channel is not null)
        {
            CountPost(channel, request.Name);
        }
        await OkAsync(context, new JsonObject { ["files"] = shared }, warnings);
    }

    private async Task FileInfoAsync(HttpContext context, FakeSlackRequest request, List<string> warnings)
    {
        if (request.Arg("file") is not { } id || Locked(() => _files.GetValueOrDefault(id)) is not { Uploaded: true } file)
        {
            await ErrorAsync(context, "file_not_found");
            return;
        }
        await OkAsync(context, new JsonObject { ["file"] = FileJson(file) }, warnings);
    }

    private async Task DownloadAsync(HttpContext context, FakeSlackRequest request)
    {
        var rest = request.Path["/files-pri/".Length..];
        var id = rest.Split('/')[0].Split('-').Last();
        var file = Locked(() => _files.GetValueOrDefault(id));
        if (request.HttpMethod != "GET" || file is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (request.Header("Authorization") != $"Bearer {BotToken}")
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(SignInPage, context.RequestAborted);
            return;
        }
        context.Response.ContentType = file.Mimetype;
        context.Response.ContentLength = file.Content.Length;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.Id}\"";
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    private async Task ResponseUrlAsync(HttpContext context, FakeSlackRequest request)
    {
        var id = request.Path["/hooks/response/".Length..];
        var issued = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < Locked(() => _nextResponseUrl);
        var uses = Locked(() => _responseUses[id] = _responseUses.GetValueOrDefault(id) + 1);
        if (request.Header("Authorization") is not null)
        {
            Violation("response_url: an Authorization header was sent; the URL alone is the credential");
        }
        if (!issued || uses > 5)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync(issued ? "used_url" : "invalid_url", context.RequestAborted);
            return;
        }
        var json = request.Json;
        var text = json is { } j && j.TryGetProperty("text", out var t) ? t.GetString() : null;
        var blocks = json is { } k && k.TryGetProperty("blocks", out var b) ? b : (JsonElement?)null;
        var problems = FakeSlackBlockRules.Check(text, blocks);
        foreach (var problem in problems)
        {
            Violation($"response_url: {problem}");
        }
        var type = json is { } r && r.TryGetProperty("response_type", out var rt) ? rt.GetString() : null;
        var replace = json is { } p && p.TryGetProperty("replace_original", out var ro) && ro.ValueKind is JsonValueKind.True or JsonValueKind.False ? ro.GetBoolean() : (bool?)null;
        Locked(() =>
        {
            _responses.Add(new FakeSlackResponse(id, text, type, replace, blocks));
            return 0;
        });
        await WriteJsonAsync(context, 200, new JsonObject { ["ok"] = true });
    }
}

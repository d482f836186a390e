using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MediaAnalysis.Fakes.Discord;

public sealed partial class FakeDiscordApi
{
    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var ct = context.RequestAborted;
        var fullPath = http.Path.Value ?? "";
        var path = fullPath.StartsWith(ApiPrefix, StringComparison.Ordinal) ? fullPath[ApiPrefix.Length..] : fullPath;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Headers)
        {
            headers[name] = values.ToString();
        }
        var (body, parts, payload, bodyError) = await ReadBodyAsync(http, ct);
        var entry = new FakeDiscordRequest(http.Method, path, http.QueryString.Value ?? "", headers, http.ContentType, body, parts, payload, DateTimeOffset.UtcNow);
        int index;
        lock (_gate)
        {
            _requests.Add(entry);
            index = _requests.Count - 1;
        }

        FakeDiscordReply reply;
        try
        {
            reply = Answer(entry, bodyError, fullPath.StartsWith(ApiPrefix, StringComparison.Ordinal));
        }
#pragma warning disable CA1031 // A fault in the fake must reach the test as a 500 and a violation, never a hang.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Violation($"fake failed on {entry.Method} {entry.Path}: {ex}");
            reply = FakeDiscordReply.ServerError(500);
        }
        lock (_gate)
        {
            _requests[index] = entry with { Status = reply.Status };
        }
        if (TakeDelay(entry) is { } delay)
        {
            await Task.Delay(delay, ct);
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }
        if (reply.Body is not null)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body, ct);
        }
    }

    private FakeDiscordReply Answer(FakeDiscordRequest request, FakeDiscordError? bodyError, bool underPrefix)
    {
        lock (_gate)
        {
            var scripted = _script.FindIndex(s =>
                (s.Method is null || string.Equals(s.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                && PathMatches(request.Path, s.PathContains));
            if (scripted >= 0)
            {
                var reply = _script[scripted].Reply;
                _script.RemoveAt(scripted);
                return reply;
            }
        }
        if (!UserAgentPattern().IsMatch(request.Header("User-Agent") ?? ""))
        {
            return Refuse(request, new FakeDiscordError(403, 40333, "internal network error (missing or malformed User-Agent)"));
        }
        var route = underPrefix ? FakeDiscordRoute.Match(request.Method, request.Path) : null;
        if (route is null)
        {
            return Refuse(request, new FakeDiscordError(404, 0, "404: Not Found"));
        }
        if (route.BotAuth && request.Header("Authorization") != $"Bot {BotToken}")
        {
            return Refuse(request, new FakeDiscordError(401, 0, "401: Unauthorized"));
        }
        if (!route.BotAuth && request.Header("Authorization") is not null)
        {
            Violation($"{request.Method} {route.Template} carried an Authorization header; interaction webhooks take none");
        }
        var (limitHeaders, retryAfter) = RateLimits.Take(route.Bucket, route.Major, DateTimeOffset.UtcNow);
        if (retryAfter is { } wait)
        {
            Violation($"{request.Method} {route.Template} was sent into an exhausted bucket ({route.Bucket})");
            var body = $$"""{"message":"You are being rate limited.","retry_after":{{wait.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}},"global":false}""";
            return new FakeDiscordReply(429, body, limitHeaders);
        }
        if (bodyError is not null)
        {
            return Refuse(request, bodyError);
        }
        var answer = Route(route, request);
        if (answer.Status >= 400)
        {
            Violation($"{request.Method} {route.Template} answered {answer.Status}: {answer.Body}");
        }
        var merged = new Dictionary<string, string>(answer.Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in limitHeaders)
        {
            merged.TryAdd(name, value);
        }
        return answer with { Headers = merged };
    }

    // A fragment anywhere in the path; one ending in '$' must end it ("/messages$": creates, not threads).
    private static bool PathMatches(string path, string? fragment) =>
        fragment is null
        || (fragment.EndsWith('$') ? path.EndsWith(fragment[..^1], StringComparison.Ordinal) : path.Contains(fragment, StringComparison.Ordinal));

    private TimeSpan? TakeDelay(FakeDiscordRequest request)
    {
        lock (_gate)
        {
            var index = _delays.FindIndex(d =>
                (d.Method is null || string.Equals(d.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                && (d.PathContains is null || request.Path.Contains(d.PathContains, StringComparison.Ordinal)));
            if (index < 0)
            {
                return null;
            }
            var delay = _delays[index].Delay;
            _delays.RemoveAt(index);
            return delay;
        }
    }

    private FakeDiscordReply Refuse(FakeDiscordRequest request, FakeDiscordError error)
    {
        Violation($"{request.Method} {FakeDiscordRoute.Redact(request.Path)} answered {error.Status} / {error.Code}: {error.Message}");
        return Reply(error);
    }

    private static FakeDiscordReply Reply(FakeDiscordError error) => new(error.Status, error.Json(), new Dictionary<string, string>());

    private static FakeDiscordReply Ok(string json) => new(200, json, new Dictionary<string, string>());

    private static async Task<(string? Body, IReadOnlyList<FakeDiscordPart> Parts, JsonElement? Payload, FakeDiscordError? Error)> ReadBodyAsync(
        HttpRequest request, CancellationToken ct)
    {
        // GET and DELETE carry no body; neither does a PUT such as thread-members (Content-Length 0, no type).
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method)
            || (HttpMethods.IsPut(request.Method) && request.ContentType is null && request.ContentLength is null or 0))
        {
            return (null, [], null, null);
        }
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        if (mediaType?.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var parts = new List<FakeDiscordPart>();
            var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value ?? "";
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsedDisposition) ? parsedDisposition : null;
                using var data = new MemoryStream();
                await section.Body.CopyToAsync(data, ct);
                var fileName = disposition?.FileName.HasValue == true ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null;
                parts.Add(new FakeDiscordPart(HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "", fileName, section.ContentType, data.ToArray()));
            }
            var json = parts.FirstOrDefault(p => p.Name == "payload_json");
            var (payload, error) = json is null ? (null, null) : Parse(json.Text);
            return (null, parts, payload, error);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        if (mediaType?.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (text, [], null, new FakeDiscordError(400, 50035, "Invalid Form Body (Content-Type must be application/json or multipart/form-data)"));
        }
        var (element, parseError) = Parse(text);
        return (text, [], element, parseError);
    }

    private static (JsonElement? Payload, FakeDiscordError? Error) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, new FakeDiscordError(400, 50109, "The request body contains invalid JSON."));
        }
    }

    // What Discord's edge requires: "DiscordBot ($url, $versionNumber)", extra text allowed after.
    [GeneratedRegex(@"^DiscordBot \([^,()]+, [^()]+\)")]
    private static partial Regex UserAgentPattern();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Slack;

public sealed partial class FakeSlackApi
{
    private const string SignInPage =
        "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"utf-8\"><title>Slack</title></head>"
        + "<body><h1>Sign in to your workspace</h1><p>Enter your workspace's Slack URL.</p></body></html>";

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> Snapshot(IHeaderDictionary headers)
    {
        var copy = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            copy[name] = values.ToString();
        }
        return copy;
    }

    private static Task OkAsync(HttpContext context, JsonObject? fields = null, IReadOnlyList<string>? warnings = null)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields ?? [])
        {
            body[key] = value?.DeepClone();
        }
        if (warnings is { Count: > 0 })
        {
            body["warning"] = string.Join(',', warnings);
            body["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode?)JsonValue.Create(w))]) };
        }
        return WriteJsonAsync(context, 200, body);
    }

    private static Task ErrorAsync(HttpContext context, string error, int status = 200, string? needed = null, IReadOnlyList<string>? messages = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = error };
        if (needed is not null)
        {
            body["needed"] = needed;
            body["provided"] = "chat:write,commands";
        }
        if (messages is { Count: > 0 })
        {
            body["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode?)JsonValue.Create($"[ERROR] {m}"))]) };
        }
        return WriteJsonAsync(context, status, body);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static async Task WriteFaultAsync(HttpContext context, FakeSlackFault fault)
    {
        if (fault.RetryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        if (fault.Error is { } error)
        {
            await ErrorAsync(context, error, fault.Status, fault.Needed);
            return;
        }
        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync("<html><body>Slack is having trouble</body></html>", context.RequestAborted);
    }

    // Blocks as Slack takes them: a JSON array in a JSON body, or a JSON string in a form field.
    private static JsonElement? BlocksOf(FakeSlackRequest request)
    {
        if (request.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("blocks", out var blocks))
        {
            return blocks.ValueKind == JsonValueKind.String ? Parse(blocks.GetString()) : blocks;
        }
        return request.Form.TryGetValue("blocks", out var text) ? Parse(text) : null;
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("\"not json\"").RootElement.Clone();
        }
    }

    private static decimal TsValue(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private void Violation(string text) => Locked(() =>
    {
        _violations.Add(text);
        return 0;
    });

    private FakeSlackFault? TakeFault(string method) => Locked(() =>
    {
        var index = _faults.FindIndex(f => f.Method == method);
        if (index < 0)
        {
            return null;
        }
        var fault = _faults[index].Fault;
        _faults.RemoveAt(index);
        return fault;
    });

    // Posts and edits count against Slack's ~1 per second per channel.
    private void CountPost(string channel, string method)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            if (MinPostSpacing is { } spacing && _lastPost.TryGetValue(channel, out var last) && now - last < spacing)
            {
                _violations.Add($"{method}: posted in {channel} {(now - last).TotalMilliseconds:0} ms after the previous post (want ≥ {spacing.TotalMilliseconds:0} ms)");
            }
            _lastPost[channel] = now;
        }
    }
}

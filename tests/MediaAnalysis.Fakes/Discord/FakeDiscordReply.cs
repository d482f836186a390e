using System.Globalization;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Discord;

// A scripted answer the fake gives instead of its normal behaviour, in Discord's wire format.
public sealed record FakeDiscordReply(int Status, string? Body, IReadOnlyDictionary<string, string> Headers, string ContentType = "application/json")
{
    public static FakeDiscordReply Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code }.ToJsonString(), new Dictionary<string, string>());

    public static FakeDiscordReply ServerError(int status = 502) =>
        new(status, new JsonObject { ["message"] = "Bad Gateway", ["code"] = 0 }.ToJsonString(), new Dictionary<string, string>());

    // The docs' 429: JSON body with retry_after (seconds, decimals) and the rate-limit headers.
    public static FakeDiscordReply RateLimited(double retryAfter, bool global = false, string scope = "user", string bucket = "scripted", int? code = null)
    {
        var body = new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = global };
        if (code is { } c)
        {
            body["code"] = c;
        }
        var seconds = retryAfter.ToString("0.###", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = scope,
        };
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }
        else
        {
            headers["X-RateLimit-Limit"] = "5";
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = seconds;
            headers["X-RateLimit-Bucket"] = bucket;
        }
        return new(429, body.ToJsonString(), headers);
    }

    // Cloudflare's ban page for too many invalid requests: HTML, no rate-limit headers.
    public static FakeDiscordReply CloudflareBan() =>
        new(429, "<html><body>error code: 1015</body></html>", new Dictionary<string, string>(), "text/html");
}

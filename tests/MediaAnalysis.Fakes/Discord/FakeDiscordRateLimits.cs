using System.Globalization;

namespace MediaAnalysis.Fakes.Discord;

// Discord's per-route buckets, emulated: each bucket allows Limit requests per Window for each top-level
// resource and says so in X-RateLimit-* headers; a request over the limit gets the 429 Discord would send.
public sealed class FakeDiscordRateLimits
{
    // Discord rounds its reset times; a client that waits exactly Reset-After must not be punished for clock jitter.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(15);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Limit, TimeSpan Window)> _limits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    public (int Limit, TimeSpan Window) Default { get; set; } = (1000, TimeSpan.FromSeconds(1));

    public void Set(string bucket, int limit, TimeSpan window)
    {
        lock (_gate)
        {
            _limits[bucket] = (limit, window);
        }
    }

    // Counts the request; returns the headers to send and, when over the limit, the seconds to wait.
    public (Dictionary<string, string> Headers, double? RetryAfter) Take(string bucket, string major, DateTimeOffset now)
    {
        lock (_gate)
        {
            var (limit, window) = _limits.TryGetValue(bucket, out var configured) ? configured : Default;
            var key = bucket + "|" + major;
            var (start, count) = _windows.TryGetValue(key, out var current) && now + Slack < current.Start + window ? current : (now, 0);
            var resetAfter = Math.Max(0, (start + window - now).TotalSeconds);
            double? retryAfter = null;
            if (count >= limit)
            {
                retryAfter = resetAfter;
            }
            else
            {
                count++;
            }
            _windows[key] = (start, count);
            var headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Remaining"] = (limit - count).ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset"] = (start + window).ToUnixTimeMilliseconds() / 1000.0 is var reset ? reset.ToString("0.000", CultureInfo.InvariantCulture) : "",
                ["X-RateLimit-Reset-After"] = (Math.Ceiling(resetAfter * 1000) / 1000).ToString("0.000", CultureInfo.InvariantCulture),
                ["X-RateLimit-Bucket"] = bucket,
            };
            if (retryAfter is not null)
            {
                headers["X-RateLimit-Scope"] = "user";
                headers["Retry-After"] = Math.Ceiling(resetAfter).ToString(CultureInfo.InvariantCulture);
            }
            return (headers, retryAfter);
        }
    }
}

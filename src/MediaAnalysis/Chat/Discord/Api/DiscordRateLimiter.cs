using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace MediaAnalysis.Chat.Discord.Api;

// Per-route buckets learned from X-RateLimit-Bucket, keyed with the top-level resource, plus the global
// pause after a global 429. One instance for the app (the typed client is transient). Waiting before
// sending is what keeps 429s, which count toward Discord's invalid-request IP ban, from happening at all.
public sealed class DiscordRateLimiter(TimeProvider time, ILogger<DiscordRateLimiter> logger)
{
    private static readonly TimeSpan IdleBucket = TimeSpan.FromMinutes(20);

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalGate = new();
    private DateTimeOffset _globalResumeAt;
    private int _acquired;

    internal int BucketCount => _buckets.Count;

    // Waits for the bucket's turn and its reset; a wait longer than maxWait fails without sending anything.
    internal async Task<RateLimitLease> AcquireAsync(DiscordRoute route, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _acquired) % 256 == 0)
        {
            Sweep();
        }
        var bucket = _buckets.GetOrAdd(KeyOf(route), _ => new RateLimitBucket());
        await bucket.Turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = bucket.WaitAt(now);
                var global = route.UsesBotToken ? GlobalWaitAt(now) : TimeSpan.Zero;
                if (global > wait)
                {
                    wait = global;
                }
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }
                if (wait > maxWait)
                {
                    throw new DiscordApiException(429, null, null, string.Create(CultureInfo.InvariantCulture,
                        $"Discord {route.Display} is rate limited for {wait.TotalSeconds:0} s more; not waiting that long"));
                }
                DiscordLog.BucketWait(logger, route.Display, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
            }
            bucket.LastUsed = time.GetUtcNow();
            return new RateLimitLease(bucket);
        }
        catch
        {
            bucket.Turn.Release();
            throw;
        }
    }

    internal void Observe(DiscordRoute route, RateLimitLease lease, HttpResponseHeaders headers)
    {
        var bucketId = Header(headers, "X-RateLimit-Bucket");
        var remaining = int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
            ? r : (int?)null;
        var resetAfter = Seconds(Header(headers, "X-RateLimit-Reset-After"));
        if (remaining is null && resetAfter is null)
        {
            return;
        }
        var resetAt = time.GetUtcNow() + (resetAfter ?? TimeSpan.Zero);
        lease.Bucket.Observe(remaining, resetAt);
        if (bucketId is not null)
        {
            _bucketOfRoute[route.RouteKey] = bucketId;
            // The route's bucket becomes the shared one when there is none yet: requests already queued on it and those
            // that now look it up by its id wait in one line (two would each think the last request was theirs).
            var shared = _buckets.GetOrAdd($"{bucketId}|{route.MajorKey}", lease.Bucket);
            if (!ReferenceEquals(shared, lease.Bucket))
            {
                shared.Observe(remaining, resetAt);
            }
        }
    }

    internal void Exhaust(RateLimitLease lease, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (_globalGate)
            {
                _globalResumeAt = until > _globalResumeAt ? until : _globalResumeAt;
            }
            DiscordLog.GlobalPause(logger, retryAfter.TotalSeconds); // once it holds
            return;
        }
        lease.Bucket.Exhaust(until);
    }

    internal static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private TimeSpan GlobalWaitAt(DateTimeOffset now)
    {
        lock (_globalGate)
        {
            return _globalResumeAt > now ? _globalResumeAt - now : TimeSpan.Zero;
        }
    }

    private string KeyOf(DiscordRoute route) =>
        _bucketOfRoute.TryGetValue(route.RouteKey, out var bucketId) ? $"{bucketId}|{route.MajorKey}" : $"{route.RouteKey}|{route.MajorKey}";

    // Interaction tokens make one bucket each; drop the idle ones so they do not pile up for weeks.
    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - IdleBucket;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.LastUsed < cutoff && bucket.Turn.CurrentCount == 1)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }
}

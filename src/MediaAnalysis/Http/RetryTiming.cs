using System.Net.Http.Headers;

namespace MediaAnalysis.Http;

// Backoff with full jitter between 50% and 100% of an exponential step, and Retry-After honoured
// (capped, so a hostile or broken header cannot park a job for hours).
public static class RetryTiming
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay)
    {
        var step = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var jittered = step * (0.5 + (Random.Shared.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }

    public static TimeSpan Next(int attempt, TimeSpan baseDelay, TimeSpan? retryAfter) =>
        retryAfter is { } after ? Clamp(after) : Backoff(attempt, baseDelay);

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        return header?.Date is { } date ? date - now : null;
    }

    // The raw header as some clients expose it: seconds, or an HTTP date.
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date - now
            : null;
    }

    public static bool IsTransient(int status) => status is 408 or 425 or 429 || status >= 500;

    private static TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxDelay ? MaxDelay : value;
}

namespace MediaAnalysis.Http;

// The tries of one call so far, counted against its RetryRules. The running try asks it what number it is
// (for logs and backoff), whether a failure of some kind may be tried again, and how long to wait first.
public sealed class TryCount(RetryRules rules)
{
    private int _errors;
    private int _rateLimits;

    public RetryRules Rules { get; } = rules;

    // This try's number as errors count it.
    public int Attempt => 1 + _errors + (Rules.CountRateLimitsApart ? 0 : _rateLimits);

    // This try's number as 429s count it.
    public int RateLimitedAttempt => 1 + _rateLimits + (Rules.CountRateLimitsApart ? 0 : _errors);

    public bool CanRetry(RetryKind kind) => kind == RetryKind.RateLimit
        ? RateLimitedAttempt < Rules.MaxRateLimitedAttempts
        : Attempt < Rules.MaxAttempts;

    // The wait after an error: the server's Retry-After (capped) when it sent one, else backoff with jitter.
    public TimeSpan Delay(TimeSpan? retryAfter = null) => RetryTiming.Next(Attempt, Rules.BaseDelay, retryAfter);

    public TimeSpan Backoff() => RetryTiming.Backoff(Attempt, Rules.BaseDelay);

    internal void Record(RetryKind kind)
    {
        if (kind == RetryKind.RateLimit)
        {
            _rateLimits++;
        }
        else
        {
            _errors++;
        }
    }
}

namespace MediaAnalysis.Http;

// What one try came to: a value to hand back (an answer, or a failure the caller reports as a value), or a
// request for another try on some budget after some wait. A failure that ends the call is thrown instead.
public sealed class TryOutcome<T> : IRetryRequest
{
    // The try is done: no other follows, and this is what the call returns.
    public TryOutcome(T value)
    {
        Value = value;
    }

    // Only after TryCount.CanRetry(kind) said yes; a zero delay means the wait happens elsewhere (a limiter, a pacer).
    public TryOutcome(RetryKind retry, TimeSpan delay)
    {
        Retry = retry;
        Delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    public T? Value { get; }

    public RetryKind? Retry { get; }

    public TimeSpan Delay { get; }
}

namespace MediaAnalysis.Http;

// TryOutcome<T> as the policy's one pipeline sees it, whatever T is.
internal interface IRetryRequest
{
    RetryKind? Retry { get; }

    TimeSpan Delay { get; }
}

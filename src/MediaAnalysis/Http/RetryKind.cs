namespace MediaAnalysis.Http;

// Which budget a failed try draws on: errors (5xx, timeouts, lost connections) or the service saying "later" (429).
public enum RetryKind
{
    Error,
    RateLimit,
}

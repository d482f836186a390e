namespace MediaAnalysis.Http;

// One service's budget: how many tries errors get, how many a run of 429s gets, and the backoff's first step.
// CountRateLimitsApart: a 429 does not use up a try for errors and errors do not use up the 429 tries (Discord);
// otherwise every try counts once and the two kinds only have different ceilings (Slack: a 429 storm is waited
// out up to MaxRateLimitedAttempts tries in all, an error fails at MaxAttempts tries in all).
public sealed record RetryRules(int MaxAttempts, TimeSpan BaseDelay)
{
    // A body that cannot be sent twice: one try, whatever the answer.
    public static readonly RetryRules Once = new(1, TimeSpan.Zero);

    public int MaxRateLimitedAttempts { get; init; } = MaxAttempts;

    public bool CountRateLimitsApart { get; init; }
}

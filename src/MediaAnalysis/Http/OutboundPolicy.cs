using Polly;
using Polly.Retry;

namespace MediaAnalysis.Http;

// The one retry policy for outbound HTTP (Deepgram, OpenRouter, Discord, Slack): a Polly retry strategy on the
// app's TimeProvider around a try that the call site builds afresh every time, so bodies are replayed, never
// reused (Discord's multipart files, Slack's upload steps, the fan-out's spliced bodies). Each service's try
// classifies its own answer (what may be retried, on which budget, after which wait: Retry-After or backoff with
// jitter), because errors hide in places a handler cannot see (OpenRouter's inside HTTP 200, Slack's ok:false).
// The policy counts the tries against the service's RetryRules and does the waiting.
public sealed class OutboundPolicy
{
    private readonly ResiliencePipeline _pipeline;

    public OutboundPolicy(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                // The budgets are RetryRules'; TryCount refuses a retry past them.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is IRetryRequest { Retry: not null }),
                DelayGenerator = static args => ValueTask.FromResult<TimeSpan?>(((IRetryRequest)args.Outcome.Result!).Delay),
            })
            .Build();
    }

    // The value of the last try; what a try throws (the failure that ends the call) comes out as thrown.
    public async Task<T> ExecuteAsync<T>(RetryRules rules, Func<TryCount, CancellationToken, Task<TryOutcome<T>>> tryOnce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(tryOnce);
        var count = new TryCount(rules);
        var last = await _pipeline.ExecuteAsync(async token =>
        {
            var outcome = await tryOnce(count, token);
            if (outcome.Retry is { } kind)
            {
                if (!count.CanRetry(kind))
                {
                    throw new InvalidOperationException($"A try asked for another after its {kind} budget of {rules} was spent.");
                }
                count.Record(kind);
            }
            return outcome;
        }, cancellationToken);
        // Polly hands back the retry request itself when the caller cancelled just as it came in.
        cancellationToken.ThrowIfCancellationRequested();
        return last.Retry is null ? last.Value! : throw new InvalidOperationException("The retry policy stopped before the try's budget was spent.");
    }
}

using MediaAnalysis.Http;
using Microsoft.Extensions.Time.Testing;

namespace MediaAnalysis.Tests.Http;

// The shared retry policy on its own: budgets per kind, the waits it takes (Retry-After or backoff) on the
// TimeProvider it is given, and what comes out when the budget is spent.
public sealed class OutboundPolicyTests
{
    private static readonly RetryRules Quick = new(3, TimeSpan.FromMilliseconds(1));

    [Fact]
    public async Task Errors_are_tried_up_to_MaxAttempts_and_the_last_failure_surfaces_as_thrown()
    {
        var policy = new OutboundPolicy(TimeProvider.System);
        var tries = new List<int>();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => policy.ExecuteAsync<string>(Quick, (count, _) =>
        {
            tries.Add(count.Attempt);
            return count.CanRetry(RetryKind.Error)
                ? Task.FromResult(new TryOutcome<string>(RetryKind.Error, count.Delay()))
                : throw new HttpRequestException($"503 on try {count.Attempt}");
        }, default));

        Assert.Equal([1, 2, 3], tries);
        Assert.Equal("503 on try 3", error.Message);
    }

    [Fact]
    public async Task A_failure_reported_as_a_value_comes_back_as_the_value()
    {
        var policy = new OutboundPolicy(TimeProvider.System);

        var result = await policy.ExecuteAsync(Quick, (count, _) => Task.FromResult(count.CanRetry(RetryKind.Error)
            ? new TryOutcome<string>(RetryKind.Error, TimeSpan.Zero)
            : new TryOutcome<string>($"failed after {count.Attempt} tries")), default);

        Assert.Equal("failed after 3 tries", result);
    }

    [Fact]
    public async Task A_final_failure_is_not_retried_even_with_budget_left()
    {
        var policy = new OutboundPolicy(TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<InvalidDataException>(() => policy.ExecuteAsync<string>(Quick, (_, _) =>
        {
            calls++;
            throw new InvalidDataException("400: not retried");
        }, default));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Rate_limits_counted_apart_use_up_no_tries_for_errors()
    {
        var count = new TryCount(new RetryRules(2, TimeSpan.Zero) { MaxRateLimitedAttempts = 10, CountRateLimitsApart = true });
        for (var i = 0; i < 5; i++)
        {
            count.Record(RetryKind.RateLimit);
        }

        Assert.Equal((1, 6), (count.Attempt, count.RateLimitedAttempt));
        Assert.True(count.CanRetry(RetryKind.Error));
        count.Record(RetryKind.Error);
        Assert.False(count.CanRetry(RetryKind.Error));
        Assert.True(count.CanRetry(RetryKind.RateLimit));
    }

    [Fact]
    public void Rate_limits_counted_together_share_one_count_with_two_ceilings()
    {
        // Slack: MaxAttempts 3, a 429 storm waited out up to 10 tries in all.
        var count = new TryCount(new RetryRules(3, TimeSpan.Zero) { MaxRateLimitedAttempts = 10 });
        for (var i = 0; i < 5; i++)
        {
            count.Record(RetryKind.RateLimit);
        }

        Assert.Equal((6, 6), (count.Attempt, count.RateLimitedAttempt));
        Assert.False(count.CanRetry(RetryKind.Error));
        Assert.True(count.CanRetry(RetryKind.RateLimit));
        for (var i = 0; i < 3; i++)
        {
            count.Record(RetryKind.RateLimit);
        }
        Assert.Equal(9, count.RateLimitedAttempt);
        Assert.True(count.CanRetry(RetryKind.RateLimit));
        count.Record(RetryKind.RateLimit);
        Assert.False(count.CanRetry(RetryKind.RateLimit));
    }

    [Fact]
    public void A_body_sent_once_gets_no_second_try_of_either_kind()
    {
        var count = new TryCount(RetryRules.Once);

        Assert.False(count.CanRetry(RetryKind.Error));
        Assert.False(count.CanRetry(RetryKind.RateLimit));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_between_half_and_all_of_the_step_and_retry_after_wins_capped()
    {
        var count = new TryCount(new RetryRules(6, TimeSpan.FromSeconds(2)));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var step = TimeSpan.FromSeconds(2 * Math.Pow(2, attempt - 1));
            for (var i = 0; i < 50; i++)
            {
                Assert.InRange(count.Delay(), step * 0.5, step);
            }
            count.Record(RetryKind.Error);
        }

        Assert.Equal(TimeSpan.FromSeconds(7), count.Delay(TimeSpan.FromSeconds(7)));
        Assert.Equal(RetryTiming.MaxDelay, count.Delay(TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.Zero, count.Delay(TimeSpan.FromSeconds(-5)));
    }

    [Fact]
    public async Task The_wait_runs_on_the_given_TimeProvider_and_honours_retry_after()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var policy = new OutboundPolicy(time);
        var sentAt = new List<DateTimeOffset>();

        var call = policy.ExecuteAsync(new RetryRules(6, TimeSpan.FromSeconds(2)), (count, _) =>
        {
            lock (sentAt)
            {
                sentAt.Add(time.GetUtcNow());
            }
            return Task.FromResult(count.Attempt == 1
                ? new TryOutcome<string>(RetryKind.Error, count.Delay(TimeSpan.FromSeconds(30)))
                : new TryOutcome<string>("ok"));
        }, default);

        // Step the fake clock until the second try goes out: nothing real waits 30 s.
        for (var steps = 0; !call.IsCompleted && steps < 200; steps++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.Equal("ok", await call);
        Assert.Equal(2, sentAt.Count);
        Assert.InRange(sentAt[1] - sentAt[0], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task Cancelling_during_a_wait_stops_the_tries()
    {
        var policy = new OutboundPolicy(TimeProvider.System);
        using var cancel = new CancellationTokenSource();
        var calls = 0;

        var call = policy.ExecuteAsync(Quick, (_, _) =>
        {
            calls++;
            return Task.FromResult(new TryOutcome<string>(RetryKind.Error, TimeSpan.FromSeconds(30)));
        }, cancel.Token);
        await Task.Delay(50);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Asking_for_a_retry_past_the_budget_is_a_bug_not_a_loop()
    {
        var policy = new OutboundPolicy(TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => policy.ExecuteAsync(Quick, (_, _) =>
        {
            calls++;
            return Task.FromResult(new TryOutcome<string>(RetryKind.Error, TimeSpan.Zero));
        }, default));

        Assert.Equal(3, calls);
    }
}

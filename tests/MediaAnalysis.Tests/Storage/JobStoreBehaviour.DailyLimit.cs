using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Storage;

// A member's jobs per UTC day: the store counts them and accepts in one step, with the job's ledger row, so requests
// from one member at the same instant (on several instances too) never take more than what is left.
public abstract partial class JobStoreBehaviour
{
    private static AnalyzeRequest Limited(string key, string member, int daily) =>
        QueueHarness.Request(new Uri("https://cdn.discordapp.com/a.mp4"), "A", key, member) with { MemberDailyLimit = daily };

    [StoreFact]
    public async Task Concurrent_requests_of_one_member_never_pass_the_daily_limit()
    {
        var stores = new[] { Store, OpenStore(), OpenStore() };
        // One accepted earlier today: two left of three.
        Assert.Equal(EnqueueOutcome.Created, (await Intake.EnqueueAsync(Limited("early", "u1", 3), 50, T0.AddHours(-2), CancellationToken.None)).Outcome);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            ((IJobIntake)stores[i % 3]).EnqueueAsync(Limited($"at-once-{i}", "u1", 3), 50, T0, CancellationToken.None)));

        Assert.Equal(2, results.Count(r => r.Outcome == EnqueueOutcome.Created));
        Assert.All(results.Where(r => r.Outcome != EnqueueOutcome.Created), r => Assert.Equal((EnqueueOutcome.OverLimit, null), (r.Outcome, r.Job)));
        var day = new DateTimeOffset(T0.UtcDateTime.Date, TimeSpan.Zero);
        Assert.Equal(3, (await Ledger.TotalsAsync("test", "A", "u1", day, day.AddDays(1), CancellationToken.None)).MemberJobs);
        Assert.Equal(3, (await Maintenance.CountsAsync(CancellationToken.None)).Queued);
        await DisposeExtraAsync(stores);
    }

    [StoreFact]
    public async Task The_daily_limit_counts_the_members_own_jobs_of_the_UTC_day_and_a_redelivery_still_finds_its_job()
    {
        var first = await Intake.EnqueueAsync(Limited("k1", "u1", 1), 50, T0, CancellationToken.None);
        Assert.Equal(EnqueueOutcome.Created, first.Outcome);

        Assert.Equal(EnqueueOutcome.OverLimit, (await Intake.EnqueueAsync(Limited("k2", "u1", 1), 50, T0.AddMinutes(1), CancellationToken.None)).Outcome);
        Assert.Equal((EnqueueOutcome.Duplicate, first.Job!.Id), await Outcome(Limited("k1", "u1", 1), T0.AddMinutes(2)));
        // Another member, and the same member the next UTC day (the first job still queued, whatever its end).
        Assert.Equal(EnqueueOutcome.Created, (await Intake.EnqueueAsync(Limited("k3", "u2", 1), 50, T0, CancellationToken.None)).Outcome);
        var midnight = new DateTimeOffset(T0.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        Assert.Equal(EnqueueOutcome.OverLimit, (await Intake.EnqueueAsync(Limited("k4", "u1", 1), 50, midnight.AddTicks(-1), CancellationToken.None)).Outcome);
        Assert.Equal(EnqueueOutcome.Created, (await Intake.EnqueueAsync(Limited("k5", "u1", 1), 50, midnight, CancellationToken.None)).Outcome);
        // Without a limit the store accepts, and still writes the job's ledger row.
        Assert.Equal(EnqueueOutcome.Created, (await Intake.EnqueueAsync(Limited("k6", "u1", 1) with { MemberDailyLimit = null }, 50, midnight, CancellationToken.None)).Outcome);
        Assert.Equal(2, (await Ledger.TotalsAsync("test", "A", "u1", midnight, midnight.AddDays(1), CancellationToken.None)).MemberJobs);
    }

    private async Task<(EnqueueOutcome, string?)> Outcome(AnalyzeRequest request, DateTimeOffset now)
    {
        var result = await Intake.EnqueueAsync(request, 50, now, CancellationToken.None);
        return (result.Outcome, result.Job?.Id);
    }
}

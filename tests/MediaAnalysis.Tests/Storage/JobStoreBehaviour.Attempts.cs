using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

// Issue 14, items 4 and 5: what a store counts about a job's attempts, and whose leases it renews.
public abstract partial class JobStoreBehaviour
{
    [Fact]
    public async Task An_attempt_lost_with_its_process_counts_as_interrupted_and_a_release_does_not()
    {
        var job = await Enqueue("A", "a0");
        var lease = TimeSpan.FromMinutes(2);

        var first = await Claims.ClaimNextAsync("w", T0, lease, CancellationToken.None);
        Assert.Equal(0, first!.Interrupted);
        // The process dies: its restart takes the job back.
        Assert.Equal(1, await Claims.RequeueOrphansAsync("w", T0.AddMinutes(1), CancellationToken.None));
        var second = await Claims.ClaimNextAsync("w", T0.AddMinutes(1), lease, CancellationToken.None);
        Assert.Equal(1, second!.Interrupted);

        // SIGTERM: released, not lost.
        await Claims.ReleaseAsync(job.Id, T0.AddMinutes(2), CancellationToken.None);
        Assert.Equal(1, await Claims.RequeueOrphansAsync("w", T0.AddMinutes(3), CancellationToken.None));
        var third = await Claims.ClaimNextAsync("w", T0.AddMinutes(3), lease, CancellationToken.None);
        Assert.Equal(3, third!.Attempts);
        Assert.Equal(1, third.Releases);
        Assert.Equal(1, third.Interrupted);

        // Its lease lapses under another instance's eyes: lost again.
        Assert.Equal(1, await Claims.RequeueOrphansAsync("other", T0.AddMinutes(10), CancellationToken.None));
        var fourth = await Claims.ClaimNextAsync("other", T0.AddMinutes(10), lease, CancellationToken.None);
        Assert.Equal(2, fourth!.Interrupted);
        Assert.Equal(2, (await Intake.GetAsync(job.Id, CancellationToken.None))!.Interrupted);
    }

    [Fact]
    public async Task Only_the_leases_of_the_jobs_named_are_renewed()
    {
        await Enqueue("A", "a0");
        await Enqueue("B", "b0");
        var lease = TimeSpan.FromMinutes(2);
        var kept = await Claims.ClaimNextAsync("w", T0, lease, CancellationToken.None);
        var ended = await Claims.ClaimNextAsync("w", T0, lease, CancellationToken.None);
        await Intake.CancelAsync(ended!.Id, "@Ana", T0, CancellationToken.None);
        await Intake.CancelAsync(kept!.Id, "@Bo", T0, CancellationToken.None);

        Assert.Equal([kept.Id], await Claims.RenewLeasesAsync("w", [kept.Id], T0.AddMinutes(1), lease, CancellationToken.None));
        Assert.Empty(await Claims.RenewLeasesAsync("w", [], T0.AddMinutes(1), lease, CancellationToken.None));

        // The job no worker runs any more keeps its first lease, which lapses at T0 + 2 min: another instance takes
        // it over at T0 + 2.5 min, while the renewed one (until T0 + 3 min) stays.
        Assert.Equal(1, await Claims.RequeueOrphansAsync("other", T0.AddMinutes(2.5), CancellationToken.None));
        Assert.Equal(JobState.Queued, (await Intake.GetAsync(ended.Id, CancellationToken.None))!.State);
        Assert.Equal(JobState.Running, (await Intake.GetAsync(kept.Id, CancellationToken.None))!.State);
    }
}

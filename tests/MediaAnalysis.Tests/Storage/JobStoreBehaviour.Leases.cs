using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

// Leases across instances: confirmed before each post, rescued by compare-and-set, released at once on shutdown.
public abstract partial class JobStoreBehaviour
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [StoreFact]
    public async Task A_lease_is_confirmed_only_for_its_owner_and_attempt_and_confirming_extends_it()
    {
        await Enqueue("A", "a0");
        var job = (await Claims.ClaimNextAsync("i1/n1", T0, Lease, CancellationToken.None))!;

        Assert.True(await Claims.ConfirmLeaseAsync(job.Id, "i1/n1", job.Attempts, T0.AddMinutes(1), Lease, CancellationToken.None));
        Assert.False(await Claims.ConfirmLeaseAsync(job.Id, "i1/n2", job.Attempts, T0.AddMinutes(1), Lease, CancellationToken.None));
        Assert.False(await Claims.ConfirmLeaseAsync(job.Id, "i1/n1", job.Attempts + 1, T0.AddMinutes(1), Lease, CancellationToken.None));
        // Confirmed at T0+1 min: the lease now runs to T0+3 min, past the claim's T0+2 min.
        Assert.Equal(0, await Claims.RescueLapsedAsync(T0.AddMinutes(2.5), CancellationToken.None));
        Assert.Equal(1, await Claims.RescueLapsedAsync(T0.AddMinutes(3.5), CancellationToken.None));
    }

    [StoreFact]
    public async Task A_frozen_owner_whose_job_was_rescued_and_taken_cannot_confirm_it_release_it_or_renew_it()
    {
        await Enqueue("A", "a0");
        var frozen = (await Claims.ClaimNextAsync("i1/n1", T0, Lease, CancellationToken.None))!;

        Assert.Equal(1, await Claims.RescueLapsedAsync(T0.AddMinutes(3), CancellationToken.None));
        var taken = (await Claims.ClaimNextAsync("i2/n2", T0.AddMinutes(3), Lease, CancellationToken.None))!;

        Assert.Equal(frozen.Id, taken.Id);
        Assert.Equal(frozen.Attempts + 1, taken.Attempts);
        Assert.False(await Claims.ConfirmLeaseAsync(frozen.Id, "i1/n1", frozen.Attempts, T0.AddMinutes(4), Lease, CancellationToken.None));
        Assert.Empty(await Claims.RenewLeasesAsync("i1/n1", [frozen.Id], T0.AddMinutes(4), Lease, CancellationToken.None));
        Assert.True(await Claims.ConfirmLeaseAsync(taken.Id, "i2/n2", taken.Attempts, T0.AddMinutes(4), Lease, CancellationToken.None));
    }

    [StoreFact]
    public async Task Rescue_leaves_alone_a_job_that_finished_or_was_renewed_since_it_was_read()
    {
        await Enqueue("A", "a0");
        await Enqueue("B", "b0");
        var a = (await Claims.ClaimNextAsync("i1/n1", T0, Lease, CancellationToken.None))!;
        var b = (await Claims.ClaimNextAsync("i1/n1", T0, Lease, CancellationToken.None))!;
        await Claims.FinishAsync(a.Id, JobState.Done, null, T0.AddMinutes(1), CancellationToken.None);
        await Claims.RenewLeasesAsync("i1/n1", [a.Id, b.Id], T0.AddMinutes(1.5), Lease, CancellationToken.None);

        Assert.Equal(0, await Claims.RescueLapsedAsync(T0.AddMinutes(3), CancellationToken.None));
        Assert.Equal(JobState.Done, (await Intake.GetAsync(a.Id, CancellationToken.None))!.State);
        Assert.Equal(JobState.Running, (await Intake.GetAsync(b.Id, CancellationToken.None))!.State);
    }

    [StoreFact]
    public async Task A_released_job_is_rescued_by_the_next_instance_that_looks_without_waiting_for_its_lease()
    {
        await Enqueue("A", "a0");
        var job = (await Claims.ClaimNextAsync("i1/n1", T0, Lease, CancellationToken.None))!;

        await Claims.ReleaseAsync(job.Id, T0.AddSeconds(10), CancellationToken.None);
        Assert.Equal(1, await Claims.RescueLapsedAsync(T0.AddSeconds(11), CancellationToken.None)); // not T0+2 min
        var resumed = await Claims.ClaimNextAsync("i2/n2", T0.AddSeconds(11), Lease, CancellationToken.None);

        Assert.Equal(job.Id, resumed!.Id);
        Assert.Equal(2, resumed.Attempts);
    }

    [StoreFact]
    public async Task A_restarted_process_takes_back_the_jobs_of_its_instance_id_at_once_and_no_other()
    {
        await Enqueue("A", "a0");
        await Enqueue("B", "b0");
        var mine = (await Claims.ClaimNextAsync("web-1/old", T0, Lease, CancellationToken.None))!;
        var theirs = (await Claims.ClaimNextAsync("web-10/live", T0, Lease, CancellationToken.None))!;

        Assert.Equal(1, await Claims.RequeueOrphansAsync("web-1", T0.AddSeconds(5), CancellationToken.None));
        Assert.Equal(JobState.Queued, (await Intake.GetAsync(mine.Id, CancellationToken.None))!.State);
        Assert.Equal(JobState.Running, (await Intake.GetAsync(theirs.Id, CancellationToken.None))!.State);
    }

    [StoreFact]
    public async Task Two_live_processes_with_one_instance_id_see_each_other_and_others_do_not_count()
    {
        Assert.Empty(await Claims.HeartbeatAsync("web-1", "web-1/a", T0, Lease, CancellationToken.None));
        Assert.Empty(await Claims.HeartbeatAsync("web-2", "web-2/c", T0, Lease, CancellationToken.None));

        Assert.Equal(["web-1/a"], await Claims.HeartbeatAsync("web-1", "web-1/b", T0.AddSeconds(30), Lease, CancellationToken.None));
        // Once "web-1/a" stops beating for a lease it is not live any more.
        Assert.Empty(await Claims.HeartbeatAsync("web-1", "web-1/b", T0.AddMinutes(3), Lease, CancellationToken.None));
    }
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task The_database_allows_one_running_job_per_tenant()
    {
        await Enqueue("A", "a1");
        await Enqueue("A", "a2");

        var first = await Claims.ClaimNextAsync("w1", T0, TimeSpan.FromMinutes(2), CancellationToken.None);
        var second = await Claims.ClaimNextAsync("w2", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        await AssertTheDatabaseRefusesASecondRunningJobAsync("a2"); // the unique index says no, whoever writes
    }

    [StoreFact]
    public async Task A_tenant_with_five_waiting_does_not_starve_a_tenant_with_one()
    {
        for (var i = 0; i < 5; i++)
        {
            await Enqueue("A", $"a{i}");
        }
        await Enqueue("B", "b0");

        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var job = await Claims.ClaimNextAsync("w", T0.AddMinutes(i), TimeSpan.FromMinutes(2), CancellationToken.None);
            order.Add(job!.IdempotencyKey);
            await Claims.FinishAsync(job.Id, JobState.Done, null, T0.AddMinutes(i).AddSeconds(30), CancellationToken.None);
        }

        Assert.Equal(["a0", "b0", "a1", "a2", "a3", "a4"], order);
    }

    [StoreFact]
    public async Task Orphans_of_a_dead_process_are_requeued_and_resumed_first()
    {
        await Enqueue("A", "a0");
        await Enqueue("B", "b0");
        var running = await Claims.ClaimNextAsync("dead", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Equal(0, await Claims.RequeueOrphansAsync("someone-else", T0.AddMinutes(1), CancellationToken.None));
        Assert.Equal(1, await Claims.RequeueOrphansAsync("someone-else", T0.AddMinutes(3), CancellationToken.None));
        var resumed = await Claims.ClaimNextAsync("new", T0.AddMinutes(3), TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Equal(running!.Id, resumed!.Id);
        Assert.Equal(2, resumed.Attempts);
    }
}

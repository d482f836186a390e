using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Storage;

// Several stores on one database at once, as several instances are: the database keeps the rules.
public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task One_delivery_reaching_several_instances_at_once_makes_one_job()
    {
        var stores = new[] { Store, OpenStore(), OpenStore() };
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            ((IJobIntake)stores[i % 3]).EnqueueAsync(Request("A", "same-delivery"), 5, T0, CancellationToken.None)));

        Assert.Single(results, r => r.Outcome == EnqueueOutcome.Created);
        Assert.All(results, r => Assert.Equal(results.Single(c => c.Outcome == EnqueueOutcome.Created).Job!.Id, r.Job!.Id));
        Assert.All(results.Where(r => r.Outcome != EnqueueOutcome.Created), r => Assert.Equal(EnqueueOutcome.Duplicate, r.Outcome));
        await DisposeExtraAsync(stores);
    }

    [StoreFact]
    public async Task Instances_claiming_at_once_never_run_two_jobs_of_one_tenant_nor_one_job_twice()
    {
        for (var i = 0; i < 4; i++)
        {
            foreach (var tenant in new[] { "A", "B", "C" })
            {
                await Enqueue(tenant, $"{tenant}{i}");
            }
        }
        var stores = new[] { Store, OpenStore(), OpenStore() };
        var claimed = await Task.WhenAll(Enumerable.Range(0, 9).Select(i =>
            ((IJobClaims)stores[i % 3]).ClaimNextAsync($"i{i}/n", T0, TimeSpan.FromMinutes(2), CancellationToken.None)));

        var jobs = claimed.OfType<JobRecord>().ToList();
        Assert.Equal(jobs.Count, jobs.Select(j => j.Id).Distinct().Count());
        Assert.Equal(jobs.Count, jobs.Select(j => j.Tenant).Distinct().Count());
        Assert.Equal(3, (await Maintenance.CountsAsync(CancellationToken.None)).Running);
        await DisposeExtraAsync(stores);
    }

    [StoreFact]
    public async Task A_database_of_schema_version_1_is_migrated_at_start_and_its_rows_keep_working()
    {
        await ExecuteRawAsync(DropEveryTable);
        await ExecuteRawAsync(JobSchema.Migrations[0]);
        await ExecuteRawAsync("UPDATE schema_info SET version = 1");
        await ExecuteRawAsync("""
            INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url, source_name,
                              state, seq, created_at)
            VALUES ('old1', 'old-key', 'discord', 'A', 'c', 'u', 'Ana', 'v', 'https://cdn.discordapp.com/a.mp4', 'a.mp4', 'queued', 1, 1000)
            """);

        var reopened = OpenStore();
        await ((IJobMaintenance)reopened).InitializeAsync(CancellationToken.None);

        var old = await ((IJobIntake)reopened).FindByKeyAsync("old-key", CancellationToken.None);
        Assert.Equal("old1", old!.Id);
        var claimed = await ((IJobClaims)reopened).ClaimNextAsync("i/n", T0, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal("old1", claimed!.Id);
        await ((IJobProgress)reopened).SetStageAsync("old1", "download", CancellationToken.None); // version 2's column
        Assert.Empty(await ((IJobClaims)reopened).HeartbeatAsync("i", "i/n", T0, TimeSpan.FromMinutes(2), CancellationToken.None)); // version 3's table
        Assert.Equal(JobSchema.Version, JobSchema.Migrations.Length);
        await DisposeExtraAsync([Store, reopened]);
    }

    private static async Task DisposeExtraAsync(IJobStore[] stores)
    {
        foreach (var extra in stores.Skip(1))
        {
            switch (extra)
            {
                case IAsyncDisposable async:
                    await async.DisposeAsync();
                    break;
                case IDisposable sync:
                    sync.Dispose();
                    break;
            }
        }
    }
}

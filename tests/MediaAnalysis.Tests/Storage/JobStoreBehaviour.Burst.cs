using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

// Issue 14, item 7: enqueues arriving at once (written together by SQLite's group commit, in concurrent
// transactions on PostgreSQL) keep every rule of one at a time: one job per key, the tenant's pending limit,
// distinct places in line.
public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task A_burst_of_concurrent_enqueues_keeps_keys_limits_and_order()
    {
        var calls = Enumerable.Range(0, 60).Select(i => i < 40
                ? (Tenant: $"T{i % 8}", Key: $"k{i}")                 // 8 tenants, 5 each: exactly their limit
                : i < 50 ? (Tenant: $"T{(i - 40) % 8}", Key: $"k{i - 40}") // the same requests again: duplicates
                : (Tenant: "T9", Key: $"extra{i}"))                   // 10 for T9, past its limit of 5
            .ToList();
        var results = await Task.WhenAll(calls.Select(c => Task.Run(() =>
            Intake.EnqueueAsync(Request(c.Tenant, c.Key), 5, T0, CancellationToken.None))));

        var created = results.Where(r => r.Outcome == EnqueueOutcome.Created).Select(r => r.Job!).ToList();
        Assert.Equal(45, created.Count);
        Assert.Equal(45, created.Select(j => j.IdempotencyKey).Distinct().Count());
        Assert.Equal(45, created.Select(j => j.Seq).Distinct().Count());
        Assert.All(created.GroupBy(j => j.Tenant), t => Assert.Equal(5, t.Count()));
        for (var i = 40; i < 50; i++)
        {
            // Whichever of the two came first created the job; both name it.
            Assert.Equal(results[i - 40].Job!.Id, results[i].Job!.Id);
            Assert.Contains(EnqueueOutcome.Duplicate, new[] { results[i].Outcome, results[i - 40].Outcome });
        }
        Assert.Equal(5, results.Count(r => r.Outcome == EnqueueOutcome.QueueFull));
        Assert.Equal((0, 45), await Maintenance.CountsAsync(CancellationToken.None));
        // A place given with the accept (SQLite's, from inside the batch) is the one the store reads afterwards,
        // and each tenant's five stand first to fifth.
        foreach (var tenant in results.Where(r => r.Outcome == EnqueueOutcome.Created).GroupBy(r => r.Job!.Tenant))
        {
            var places = new List<int>();
            foreach (var r in tenant)
            {
                var read = await Intake.QueuePositionAsync(r.Job!.Id, CancellationToken.None);
                Assert.True(r.QueuePosition is null || r.QueuePosition == read, $"{r.Job.IdempotencyKey}: {r.QueuePosition} at the accept, {read} after");
                places.Add(read!.Value);
            }
            Assert.Equal([1, 2, 3, 4, 5], places.Order());
        }
    }
}

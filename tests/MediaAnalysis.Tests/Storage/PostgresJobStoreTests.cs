using MediaAnalysis.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MediaAnalysis.Tests.Storage;

// The behaviour suite on PostgreSQL (MEDIAANALYSIS_TEST_POSTGRES, started by .ci/run): each test gets a fresh
// database of its own on that server, dropped afterwards. Skipped, and said so, when no server was given.
public sealed class PostgresJobStoreTests : JobStoreBehaviour, INeedsPostgres
{
    private readonly TestDatabase _database = new();

    protected override IJobStore OpenStore() => new PostgresJobStore(
        Options.Create(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = _database.ConnectionString }),
        NullLogger<PostgresJobStore>.Instance);

    protected override async Task DeleteDatabaseAsync()
    {
        if (Store is IAsyncDisposable store)
        {
            await store.DisposeAsync();
        }
        await _database.DropAsync();
    }

    protected override Task ExecuteRawAsync(string sql) => _database.ExecuteAsync(sql);

    protected override async Task AssertTheDatabaseRefusesASecondRunningJobAsync(string idempotencyKey)
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            _database.ExecuteAsync($"UPDATE jobs SET state = 'running' WHERE idempotency_key = '{idempotencyKey}'"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        Assert.Equal("jobs_one_running_per_tenant", ex.ConstraintName);
    }

    [StoreFact]
    public async Task A_database_that_cannot_be_written_fails_the_write_check_without_throwing()
    {
        await _database.ExecuteAsync(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$");
        await using var readOnly = (PostgresJobStore)OpenStore();

        Assert.False(await readOnly.CanWriteAsync(T0, CancellationToken.None));
    }

    [StoreFact]
    public async Task A_running_job_cancelled_elsewhere_is_announced_to_listeners_at_once()
    {
        await Enqueue("A", "a0");
        var job = (await Store.ClaimNextAsync("i1/n", T0, TimeSpan.FromMinutes(2), CancellationToken.None))!;
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var listening = ((IJobNotifications)Store).ListenAsync(p =>
        {
            if (p.StartsWith("cancel:", StringComparison.Ordinal))
            {
                heard.TrySetResult(p);
            }
        }, stop.Token);
        await using var other = (PostgresJobStore)OpenStore();
        await Task.Delay(300); // LISTEN is in place

        Assert.False(await other.CancelAsync(job.Id, "@Ana", T0, CancellationToken.None));

        Assert.Equal($"cancel:{job.Id}", await heard.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        await stop.CancelAsync();
        await listening;
    }

    [StoreFact]
    public async Task A_new_job_wakes_the_listeners_of_other_instances()
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var count = 0;
        var listening = ((IJobNotifications)Store).ListenAsync(p =>
        {
            // The first "job" is the listener's own catch-up call when it connects.
            if (p == "job" && Interlocked.Increment(ref count) == 1)
            {
                started.TrySetResult();
            }
            else if (p == "job")
            {
                heard.TrySetResult();
            }
        }, stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await using var other = (PostgresJobStore)OpenStore();

        await other.EnqueueAsync(QueueHarness.Request(new Uri("https://cdn.discordapp.com/a.mp4"), "A", "k"), 5, T0, CancellationToken.None);

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await listening;
    }
}

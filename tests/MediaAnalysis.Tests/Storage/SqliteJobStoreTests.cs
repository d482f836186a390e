using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Storage;

public sealed class SqliteJobStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-store-{Guid.NewGuid():N}");
    private SqliteJobStore _store = null!;

    private string DatabaseFile => Path.Combine(_directory, "nested", "jobs.db");

    public async Task InitializeAsync()
    {
        _store = Open();
        await _store.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_schema_is_created_once_and_survives_a_reopen()
    {
        await Enqueue("A", "k1");
        var reopened = Open();
        await reopened.InitializeAsync(CancellationToken.None);

        Assert.NotNull((await reopened.EnqueueAsync(Request("A", "k1"), 5, T0, CancellationToken.None)).Job);
        Assert.Equal(EnqueueOutcome.Duplicate, (await reopened.EnqueueAsync(Request("A", "k1"), 5, T0, CancellationToken.None)).Outcome);
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_write_ahead_log_is_checkpointed_in_the_background_and_stays_small()
    {
        var job = await Enqueue("A", "k1");
        // Writes in bursts, as jobs make them: the log restarts after each background checkpoint.
        for (var burst = 0; burst < 15; burst++)
        {
            for (var i = 0; i < 100; i++)
            {
                await _store.SetStageAsync(job.Id, $"stage {burst}.{i}", CancellationToken.None);
            }
            await _store.CheckpointTask;
        }

        // SQLite's own checkpoint is off (it would fsync inside some request's commit). Without the store's
        // background ones the log would hold all 1,500 commits, about 6 MB.
        Assert.InRange(new FileInfo(DatabaseFile + "-wal").Length, 1, 1024 * 1024);
    }

    [Fact]
    public async Task Writes_that_never_pause_still_keep_the_log_bounded()
    {
        var job = await Enqueue("A", "k1");
        for (var i = 0; i < 6000; i++)
        {
            await _store.SetStageAsync(job.Id, $"stage {i}", CancellationToken.None);
        }
        await _store.CheckpointTask;

        // Some 24 MB of commits; a checkpoint that finds the log over 16 MB truncates it.
        Assert.InRange(new FileInfo(DatabaseFile + "-wal").Length, 0, 20 * 1024 * 1024);
    }

    [Fact]
    public async Task A_full_queue_refuses_the_next_job()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(EnqueueOutcome.Created, (await _store.EnqueueAsync(Request("A", $"k{i}"), 3, T0, CancellationToken.None)).Outcome);
        }

        var refused = await _store.EnqueueAsync(Request("A", "k3"), 3, T0, CancellationToken.None);
        var otherTenant = await _store.EnqueueAsync(Request("B", "k4"), 3, T0, CancellationToken.None);

        Assert.Equal(EnqueueOutcome.QueueFull, refused.Outcome);
        Assert.Null(refused.Job);
        Assert.Equal(EnqueueOutcome.Created, otherTenant.Outcome);
    }

    [Fact]
    public async Task The_database_allows_one_running_job_per_tenant()
    {
        await Enqueue("A", "a1");
        await Enqueue("A", "a2");

        var first = await _store.ClaimNextAsync("w1", T0, TimeSpan.FromMinutes(2), CancellationToken.None);
        var second = await _store.ClaimNextAsync("w2", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE jobs SET state = 'running' WHERE idempotency_key = 'a2'";
        var ex = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(19, ex.SqliteErrorCode); // the unique index says no, whoever writes
    }

    [Fact]
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
            var job = await _store.ClaimNextAsync("w", T0.AddMinutes(i), TimeSpan.FromMinutes(2), CancellationToken.None);
            order.Add(job!.IdempotencyKey);
            await _store.FinishAsync(job.Id, JobState.Done, null, T0.AddMinutes(i).AddSeconds(30), CancellationToken.None);
        }

        Assert.Equal(["a0", "b0", "a1", "a2", "a3", "a4"], order);
    }

    [Fact]
    public async Task Queue_positions_count_the_running_job_and_those_ahead()
    {
        var a0 = await Enqueue("A", "a0");
        var a1 = await Enqueue("A", "a1");
        var a2 = await Enqueue("A", "a2");
        Assert.Equal(1, await _store.QueuePositionAsync(a0.Id, CancellationToken.None));

        await _store.ClaimNextAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Null(await _store.QueuePositionAsync(a0.Id, CancellationToken.None));
        Assert.Equal(2, await _store.QueuePositionAsync(a1.Id, CancellationToken.None));
        Assert.Equal(3, await _store.QueuePositionAsync(a2.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Orphans_of_a_dead_process_are_requeued_and_resumed_first()
    {
        await Enqueue("A", "a0");
        await Enqueue("B", "b0");
        var running = await _store.ClaimNextAsync("dead", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Equal(0, await _store.RequeueOrphansAsync("someone-else", T0.AddMinutes(1), CancellationToken.None));
        Assert.Equal(1, await _store.RequeueOrphansAsync("someone-else", T0.AddMinutes(3), CancellationToken.None));
        var resumed = await _store.ClaimNextAsync("new", T0.AddMinutes(3), TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.Equal(running!.Id, resumed!.Id);
        Assert.Equal(2, resumed.Attempts);
    }

    [Fact]
    public async Task Answers_are_stored_once_and_read_back_whole()
    {
        var job = await Enqueue("A", "a0");
        var ok = new ModelOutcome.Succeeded("Summary", "m/1", TimeSpan.FromSeconds(6.1), 1, "answer ✅", "m/1-served", 1204, 312, 0.0021m);
        var failed = new ModelOutcome.Failed("Review", "m/2", TimeSpan.FromSeconds(2), 3, "rate limited (429)", 429);

        await _store.SaveAnswerAsync(job.Id, ok, CancellationToken.None);
        await _store.SaveAnswerAsync(job.Id, ok with { Answer = "second write is ignored" }, CancellationToken.None);
        await _store.SaveAnswerAsync(job.Id, failed, CancellationToken.None);
        await _store.MarkAnswerPostedAsync(job.Id, "Summary", "m/1", CancellationToken.None);
        var answers = await _store.GetAnswersAsync(job.Id, CancellationToken.None);

        Assert.Equal(2, answers.Count);
        Assert.Contains(new StoredAnswer(ok, true), answers);
        Assert.Contains(new StoredAnswer(failed, false), answers);
    }

    [Fact]
    public async Task Retention_deletes_finished_jobs_and_their_answers_when_due()
    {
        var old = await Enqueue("A", "old");
        var recent = await Enqueue("B", "recent");
        var waiting = await Enqueue("C", "waiting");
        await _store.SaveTranscriptAsync(old.Id, "words", "en", CancellationToken.None);
        await _store.SaveAnswerAsync(old.Id, new ModelOutcome.Failed("S", "m", TimeSpan.Zero, 1, "x", null), CancellationToken.None);
        await _store.FinishAsync(old.Id, JobState.Done, null, T0.AddDays(-8), CancellationToken.None);
        await _store.FinishAsync(recent.Id, JobState.Done, null, T0.AddDays(-6), CancellationToken.None);

        var deleted = await _store.DeleteFinishedBeforeAsync(T0.AddDays(-7), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await _store.GetAsync(old.Id, CancellationToken.None));
        Assert.Empty(await _store.GetAnswersAsync(old.Id, CancellationToken.None));
        Assert.NotNull(await _store.GetAsync(recent.Id, CancellationToken.None));
        Assert.NotNull(await _store.GetAsync(waiting.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_a_queued_job_ends_it_and_a_running_one_is_flagged_for_its_worker()
    {
        var running = await Enqueue("A", "a0");
        var queued = await Enqueue("A", "a1");
        await _store.ClaimNextAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None);

        Assert.True(await _store.CancelAsync(queued.Id, "@Ana", T0, CancellationToken.None));
        Assert.False(await _store.CancelAsync(running.Id, "@Bo", T0, CancellationToken.None));

        Assert.Equal(JobState.Cancelled, (await _store.GetAsync(queued.Id, CancellationToken.None))!.State);
        Assert.Equal([running.Id], await _store.RenewLeasesAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None));
    }

    private SqliteJobStore Open() => new(
        Options.Create(new StorageOptions { ConnectionString = $"Data Source={DatabaseFile}" }),
        NullLogger<SqliteJobStore>.Instance);

    private async Task<JobRecord> Enqueue(string tenant, string key) =>
        (await _store.EnqueueAsync(Request(tenant, key), 10, T0, CancellationToken.None)).Job!;

    private static MediaAnalysis.Jobs.AnalyzeRequest Request(string tenant, string key) =>
        QueueHarness.Request(new Uri("https://cdn.discordapp.com/a.mp4"), tenant, key);
}

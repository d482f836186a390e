using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaAnalysis.Tests.Storage;

// The accept's write path on SQLite (issue 14, item 7). Writes share one kept connection whose statements stay
// prepared (SqliteWriter): a write that fails on it must leave nothing behind (an open transaction, a statement
// prepared against a table that moved). The insert's next seq comes from an index, whatever the table's size.
public sealed partial class SqliteJobStoreTests
{
    [Fact]
    public async Task The_kept_write_connection_recovers_after_a_failed_write()
    {
        var first = await Intake.EnqueueAsync(Request("A", "w1"), 10, T0, CancellationToken.None);
        Assert.Equal((EnqueueOutcome.Created, 1), (first.Outcome, first.QueuePosition));

        await ExecuteRawAsync("ALTER TABLE jobs RENAME TO jobs_away");
        await Assert.ThrowsAsync<SqliteException>(() => Intake.EnqueueAsync(Request("A", "w2"), 10, T0, CancellationToken.None));
        await Assert.ThrowsAsync<SqliteException>(() => Progress.ReplacePlatformStateAsync(first.Job!.Id, "x", "y", CancellationToken.None));
        await ExecuteRawAsync("ALTER TABLE jobs_away RENAME TO jobs");

        var second = await Intake.EnqueueAsync(Request("A", "w2"), 10, T0, CancellationToken.None);
        Assert.Equal((EnqueueOutcome.Created, 2), (second.Outcome, second.QueuePosition));
        Assert.Equal(EnqueueOutcome.Duplicate, (await Intake.EnqueueAsync(Request("A", "w1"), 10, T0, CancellationToken.None)).Outcome);
        // Another connection sees both: nothing was left uncommitted on the kept one.
        Assert.Equal(2L, await RawScalarAsync("SELECT COUNT(*) FROM jobs"));
    }

    // SQLite's calls complete synchronously: a drain run on the stack of the request that started it wrote every batch
    // that arrived meanwhile before that request could answer (under a burst, the slowest accepts).
    [Fact]
    public async Task The_request_that_starts_a_batch_is_answered_once_its_batch_is_written_not_after_later_ones()
    {
        using var database = new SqliteDatabase(
            new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "batch.db")}" }, NullLogger.Instance);
        using var laterWrite = new ManualResetEventSlim();
        Task<EnqueueResult>? later = null;
        SqliteEnqueueBatch batch = null!;
        batch = new SqliteEnqueueBatch(database, (_, pending) =>
        {
            if (pending.Request.IdempotencyKey == "first")
            {
                // Another request arrives while the first one's batch is being written; its own batch, next, takes its
                // time, as a write on a busy machine does.
                later = batch.EnqueueAsync(Request("A", "later"), 10, T0, CancellationToken.None);
                return Task.FromResult(new EnqueueResult(EnqueueOutcome.QueueFull, null));
            }
            laterWrite.Wait(TimeSpan.FromSeconds(30));
            return Task.FromResult(new EnqueueResult(EnqueueOutcome.QueueFull, null));
        });

        var first = Task.Run(() => batch.EnqueueAsync(Request("A", "first"), 10, T0, CancellationToken.None));
        var answered = await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(10)));
        var laterPending = later is { IsCompleted: false };
        laterWrite.Set();

        Assert.Same(first, answered);
        Assert.True(laterPending, "the first request was answered only after the later batch");
        Assert.Equal(EnqueueOutcome.QueueFull, (await first).Outcome);
        Assert.Equal(EnqueueOutcome.QueueFull, (await later!).Outcome);
    }

    [Fact]
    public async Task The_next_seq_is_read_from_an_index_not_a_scan()
    {
        await Enqueue("A", "s1");
        // EXPLAIN QUERY PLAN's rows are (id, parent, notused, detail).
        var plan = await RawFirstRowAsync("EXPLAIN QUERY PLAN SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs");
        Assert.Contains("INDEX jobs_by_seq", (string)plan[3]!, StringComparison.Ordinal);
    }
}

using MediaAnalysis.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Storage;

// The behaviour suite on a SQLite file of the test's own, plus what only SQLite has: WAL mode and its checkpoints.
public sealed class SqliteJobStoreTests : JobStoreBehaviour
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-store-{Guid.NewGuid():N}");

    private string DatabaseFile => Path.Combine(_directory, "nested", "jobs.db");

    private SqliteJobStore Sqlite => (SqliteJobStore)Store;

    protected override IJobStore OpenStore() => new SqliteJobStore(
        Options.Create(new StorageOptions { ConnectionString = $"Data Source={DatabaseFile}" }),
        NullLogger<SqliteJobStore>.Instance);

    protected override Task DeleteDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task AssertTheDatabaseRefusesASecondRunningJobAsync(string idempotencyKey)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE jobs SET state = 'running' WHERE idempotency_key = @key";
        command.Parameters.AddWithValue("@key", idempotencyKey);
        var ex = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(19, ex.SqliteErrorCode);
    }

    [Fact]
    public async Task The_database_runs_in_write_ahead_log_mode()
    {
        await Enqueue("A", "k1");
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
                await Store.SetStageAsync(job.Id, $"stage {burst}.{i}", CancellationToken.None);
            }
            await Sqlite.CheckpointTask;
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
            await Store.SetStageAsync(job.Id, $"stage {i}", CancellationToken.None);
        }
        await Sqlite.CheckpointTask;

        // Some 24 MB of commits; a checkpoint that finds the log over 16 MB truncates it.
        Assert.InRange(new FileInfo(DatabaseFile + "-wal").Length, 0, 20 * 1024 * 1024);
    }
}

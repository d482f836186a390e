using MediaAnalysis.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Storage;

// The behaviour suite on a SQLite file of the test's own, plus what only SQLite has: WAL mode and its checkpoints.
public sealed partial class SqliteJobStoreTests : JobStoreBehaviour
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
        Assert.Equal("wal", await RawScalarAsync("PRAGMA journal_mode"));
    }

    // The first cell of `sql`'s answer, read on a connection of the test's own.
    private async Task<object?> RawScalarAsync(string sql) => (await RawFirstRowAsync(sql))[0];

    private async Task<object?[]> RawFirstRowAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for {sql}");
        var row = new object?[reader.FieldCount];
        reader.GetValues(row!);
        return row;
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

    [Fact]
    public async Task A_database_from_before_paragraphs_migrates_at_start_and_its_plain_transcript_still_reads()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = JobSchema.Migrations[0] + JobSchema.Migrations[1] + """
                UPDATE schema_info SET version = 2;
                INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url,
                                  source_name, state, seq, created_at, attempts, language, transcript)
                VALUES ('old', 'k-old', 'test', 'A', 'C1', 'U1', 'Ana', 'v', 'https://cdn.discordapp.com/a.mp4',
                        'a.mp4', 'running', 1, 0, 1, 'en', 'words from before');
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        var store = OpenStore();
        await store.InitializeAsync(CancellationToken.None);
        var old = (await store.GetAsync("old", CancellationToken.None))!;

        Assert.Equal(("words from before", "en"), (old.Transcript, old.Language));
        Assert.Null(old.TranscriptParagraphs);
        Assert.Null(old.RequestedLanguage);
        await using var check = new SqliteConnection($"Data Source={DatabaseFile}");
        await check.OpenAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "SELECT version FROM schema_info";
        Assert.Equal((long)JobSchema.Version, await version.ExecuteScalarAsync());
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Storage;

// A database written by the previous version (schema 2, no `releases` column) is migrated at start: its rows
// keep working, and the attempts they had before do not count as a crash loop.
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ma-migrate-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_version_2_database_gets_the_releases_column_and_its_jobs_start_counting_afresh()
    {
        var file = Path.Combine(_directory, "jobs.db");
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            foreach (var migration in JobSchema.Migrations.Take(2))
            {
                await Execute(connection, migration);
            }
            await Execute(connection, "UPDATE schema_info SET version = 2");
            await Execute(connection, """
                INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url,
                                  source_name, state, seq, created_at, attempts, lease_owner, lease_until)
                VALUES ('old1', 'k1', 'test', 'A', 'C', 'U', 'Ana', 'v1', 'https://cdn.discordapp.com/a.mp4', 'a.mp4', 'running', 1, 0, 3, 'w', 0),
                       ('old2', 'k2', 'test', 'B', 'C', 'U', 'Ana', 'v2', 'https://cdn.discordapp.com/b.mp4', 'b.mp4', 'done', 2, 0, 1, NULL, NULL)
                """);
        }

        using var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = $"Data Source={file}" }), NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);

        Assert.Equal(JobState.Done, (await store.GetAsync("old2", CancellationToken.None))!.State);
        Assert.Equal(1, await store.RequeueOrphansAsync("w", DateTimeOffset.UtcNow, CancellationToken.None));
        var resumed = await store.ClaimNextAsync("w", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal("old1", resumed!.Id);
        Assert.Equal(4, resumed.Attempts);
        Assert.Equal(0, resumed.Interrupted);
        await using var check = new SqliteConnection($"Data Source={file}");
        await check.OpenAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "SELECT version FROM schema_info";
        Assert.Equal((long)JobSchema.Version, await version.ExecuteScalarAsync());
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

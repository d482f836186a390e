using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

internal sealed partial class SqliteDatabase
{
    // Completed once this process has created or checked the schema; continuations run at once, on the migrating
    // thread, so a read that waited for it goes before anything the worker does next.
    private readonly TaskCompletionSource _migrated = new();

    // A read made before this process created or checked the schema (AppMetrics' first count, started as the app
    // is built) waits for it, for at most 10 s, instead of failing on tables not there yet.
    public async Task WhenMigratedAsync(CancellationToken cancellationToken)
    {
        if (!_migrated.Task.IsCompleted)
        {
            await Task.WhenAny(_migrated.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
        }
    }

    // Creates the file's folder, turns WAL on and runs the migrations the file has not had yet, each in its own transaction.
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } directory && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        var version = 0;
        if (await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'", cancellationToken) is long and > 0)
        {
            version = Convert.ToInt32(await ScalarAsync(connection, "SELECT version FROM schema_info", cancellationToken), CultureInfo.InvariantCulture);
        }
        for (var next = version; next < JobSchema.Migrations.Length; next++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, JobSchema.Migrations[next], cancellationToken, transaction);
            await ExecuteAsync(connection, $"UPDATE schema_info SET version = {next + 1}", cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
            SchemaMigrated(logger, next + 1);
        }
        _migrated.TrySetResult();
    }

    [LoggerMessage(2000, LogLevel.Information, "Job store schema migrated to version {Version}")]
    private static partial void SchemaMigrated(ILogger logger, int version);
}

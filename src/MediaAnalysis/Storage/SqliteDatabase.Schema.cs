using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

internal sealed partial class SqliteDatabase
{
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
    }

    [LoggerMessage(2000, LogLevel.Information, "Job store schema migrated to version {Version}")]
    private static partial void SchemaMigrated(ILogger logger, int version);
}

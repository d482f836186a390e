using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace MediaAnalysis.Storage;

internal sealed partial class PostgresDatabase
{
    // Any fixed number: the instances starting at once take turns migrating under it.
    private const long MigrationLock = 0x4D41_4A4F_4253; // "MAJOBS"

    // Runs the migrations the database has not had yet (JobSchema.Migrations, the same list as SQLite's), each in
    // its own transaction, under an advisory lock so instances starting together migrate once. An unreachable
    // database is retried, with one line every few seconds, for Storage:StartupTimeout; then, or at once when the
    // server refuses (credentials, no such database), a StoreUnavailableException says what is wrong.
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var nextLine = started;
        while (true)
        {
            try
            {
                await MigrateOnceAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (IsUnreachable(ex) && !cancellationToken.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                if (now - started >= _options.StartupTimeout)
                {
                    throw new StoreUnavailableException(
                        $"The job store's PostgreSQL at {Where} could not be reached in {_options.StartupTimeout.TotalSeconds:0} s "
                        + $"(Storage:StartupTimeout): {Reason(ex)}. Check Storage:ConnectionString and that the database is up.", ex);
                }
                if (now >= nextLine)
                {
                    Unreachable(_logger, Where, Reason(ex), (_options.StartupTimeout - (now - started)).TotalSeconds);
                    nextLine = now + TimeSpan.FromSeconds(5);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken);
            }
            catch (PostgresException ex)
            {
                throw new StoreUnavailableException(
                    $"The job store's PostgreSQL at {Where} refused: {ex.MessageText} ({ex.SqlState}). Check Storage:ConnectionString.", ex);
            }
        }
    }

    private async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken, null, ("@key", MigrationLock));
        try
        {
            var version = 0;
            if (await ScalarAsync(connection, "SELECT to_regclass('schema_info') IS NOT NULL", cancellationToken) is true)
            {
                version = Convert.ToInt32(await ScalarAsync(connection, "SELECT version FROM schema_info", cancellationToken), CultureInfo.InvariantCulture);
            }
            for (var next = version; next < JobSchema.Migrations.Length; next++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, JobSchema.Migrations[next], cancellationToken, transaction);
                await ExecuteAsync(connection, $"UPDATE schema_info SET version = {next + 1}", cancellationToken, transaction);
                await transaction.CommitAsync(cancellationToken);
                SchemaMigrated(_logger, next + 1);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, null, ("@key", MigrationLock));
        }
    }

    // No answer at all (refused, timed out, the server starting or full): worth waiting for.
    private static bool IsUnreachable(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is "57P03" or "53300" or "08006" or "08001",
        NpgsqlException or SocketException or TimeoutException or IOException => true,
        _ => false,
    };

    private static string Reason(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }
        return innermost == ex ? ex.Message : $"{ex.Message} ({innermost.Message})";
    }

    [LoggerMessage(2003, LogLevel.Warning, "The job store's PostgreSQL at {Where} is not reachable yet ({Reason}); retrying for {Seconds:0} s more")]
    private static partial void Unreachable(ILogger logger, string where, string reason, double seconds);

    [LoggerMessage(2004, LogLevel.Information, "Job store schema (PostgreSQL) migrated to version {Version}")]
    private static partial void SchemaMigrated(ILogger logger, int version);
}

using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// The schema, the running and queued counts, retention of finished jobs, and the /healthz write check.
internal sealed partial class SqliteJobMaintenance(SqliteDatabase database, ILogger logger) : IJobMaintenance
{
    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public async Task<(int Running, int Queued)> CountsAsync(CancellationToken cancellationToken)
    {
        await database.WhenMigratedAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(CASE WHEN state = 'running' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END), 0) FROM jobs WHERE state IN ('running', 'queued')";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    // Transcripts and answers go with their job; media never reach the database at all.
    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WriteAsync(() => DeleteFinishedUnlockedAsync(cutoff, cancellationToken), cancellationToken);

    private async Task<int> DeleteFinishedUnlockedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var where = "state NOT IN ('queued', 'running') AND finished_at < @cutoff";
        await SqliteDatabase.ExecuteAsync(connection, $"DELETE FROM answers WHERE job_id IN (SELECT id FROM jobs WHERE {where})", cancellationToken, transaction, ("@cutoff", JobRows.Millis(cutoff)));
        await SqliteDatabase.ExecuteAsync(connection, $"DELETE FROM questions WHERE job_id IN (SELECT id FROM jobs WHERE {where})", cancellationToken, transaction, ("@cutoff", JobRows.Millis(cutoff)));
        var deleted = await SqliteDatabase.ExecuteAsync(connection, $"DELETE FROM jobs WHERE {where}", cancellationToken, transaction, ("@cutoff", JobRows.Millis(cutoff)));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<bool> CanWriteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await database.NonQueryAsync(JobSql.MarkChecked, _ => { }, cancellationToken, ("@now", JobRows.Millis(now))) == 1;
        }
        catch (SqliteException ex)
        {
            StoreUnwritable(logger, ex.SqliteErrorCode, ex.Message);
            return false;
        }
    }

    [LoggerMessage(2001, LogLevel.Error, "The job store cannot be written (SQLite error {Code}): {Message}")]
    private static partial void StoreUnwritable(ILogger logger, int code, string message);
}

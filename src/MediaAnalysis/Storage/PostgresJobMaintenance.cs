using Npgsql;

namespace MediaAnalysis.Storage;

// The schema, the store-wide running and queued counts, retention of finished jobs, and the /healthz write check.
internal sealed partial class PostgresJobMaintenance(PostgresDatabase database, ILogger logger) : IJobMaintenance
{
    public Task InitializeAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public async Task<(int Running, int Queued)> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = await database.ListAsync(
            "SELECT COUNT(*) FILTER (WHERE state = 'running'), COUNT(*) FILTER (WHERE state = 'queued') FROM jobs WHERE state IN ('running', 'queued')",
            r => ((int)r.GetInt64(0), (int)r.GetInt64(1)), cancellationToken);
        return counts[0];
    }

    // Transcripts, answers and follow-up questions go with their job, in one transaction.
    public async Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string where = "state NOT IN ('queued', 'running') AND finished_at < @cutoff";
        await PostgresDatabase.ExecuteAsync(connection, $"DELETE FROM answers WHERE job_id IN (SELECT id FROM jobs WHERE {where})", cancellationToken,
            transaction, ("@cutoff", JobRows.Millis(cutoff)));
        await PostgresDatabase.ExecuteAsync(connection, $"DELETE FROM questions WHERE job_id IN (SELECT id FROM jobs WHERE {where})", cancellationToken,
            transaction, ("@cutoff", JobRows.Millis(cutoff)));
        var deleted = await PostgresDatabase.ExecuteAsync(connection, $"DELETE FROM jobs WHERE {where}", cancellationToken, transaction,
            ("@cutoff", JobRows.Millis(cutoff)));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<bool> CanWriteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await database.NonQueryAsync(JobSql.MarkChecked, cancellationToken, ("@now", JobRows.Millis(now))) == 1;
        }
        catch (NpgsqlException ex)
        {
            StoreUnwritable(logger, database.Where, ex.Message);
            return false;
        }
    }

    [LoggerMessage(2005, LogLevel.Error, "The job store cannot be written (PostgreSQL at {Where}): {Message}")]
    private static partial void StoreUnwritable(ILogger logger, string where, string message);
}

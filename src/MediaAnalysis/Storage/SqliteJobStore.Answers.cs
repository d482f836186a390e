using System.Globalization;
using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

public sealed partial class SqliteJobStore
{
    public Task SaveAnswerAsync(string jobId, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        var succeeded = outcome as ModelOutcome.Succeeded;
        var failed = outcome as ModelOutcome.Failed;
        return NonQueryAsync(
            $"""
            INSERT INTO answers (job_id, prompt, model, ok, body, served_by, prompt_tokens, completion_tokens, cost, seconds, attempts, status)
            VALUES (@id, @prompt, @model, @ok, @body, @served, @in, @out, @cost, @seconds, @attempts, @status)
            ON CONFLICT (job_id, prompt, model) DO NOTHING
            """,
            p => p.AddWithValue("@id", jobId), cancellationToken,
            ("@prompt", outcome.Prompt), ("@model", outcome.Model), ("@ok", succeeded is null ? 0 : 1),
            ("@body", succeeded?.Answer ?? failed?.Reason ?? ""), ("@served", succeeded?.ServedBy),
            ("@in", succeeded?.PromptTokens), ("@out", succeeded?.CompletionTokens),
            ("@cost", succeeded?.Cost?.ToString(CultureInfo.InvariantCulture)),
            ("@seconds", outcome.Elapsed.TotalSeconds), ("@attempts", outcome.Attempts), ("@status", failed?.Status));
    }

    public async Task<IReadOnlyList<StoredAnswer>> GetAnswersAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {JobRows.AnswerColumns} FROM answers WHERE job_id = @id";
        command.Parameters.AddWithValue("@id", jobId);
        var answers = new List<StoredAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add(JobRows.ReadAnswer(reader));
        }
        return answers;
    }

    public Task MarkAnswerPostedAsync(string jobId, string prompt, string model, CancellationToken cancellationToken) =>
        NonQueryAsync("UPDATE answers SET posted = 1 WHERE job_id = @id AND prompt = @prompt AND model = @model",
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@prompt", prompt), ("@model", model));

    public async Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken) =>
        await NonQueryAsync(
            "UPDATE jobs SET state = @state, note = @note, finished_at = @now, lease_owner = NULL, lease_until = NULL WHERE id = @id AND state IN ('queued', 'running')",
            p => p.AddWithValue("@id", jobId), cancellationToken,
            ("@state", JobRows.StateName(state)), ("@note", note), ("@now", JobRows.Millis(now))) == 1;

    public async Task<bool> CancelAsync(string jobId, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var note = $"Cancelled by {by}.";
        if (await NonQueryAsync(
                "UPDATE jobs SET state = 'cancelled', note = @note, cancel_requested_by = @by, finished_at = @now WHERE id = @id AND state = 'queued'",
                p => p.AddWithValue("@id", jobId), cancellationToken, ("@note", note), ("@by", by), ("@now", JobRows.Millis(now))) == 1)
        {
            return true;
        }
        await NonQueryAsync("UPDATE jobs SET cancel_requested_by = @by WHERE id = @id AND state = 'running'",
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@by", by));
        return false;
    }

    public async Task<int?> QueuePositionAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var result = await ScalarAsync(connection, """
            SELECT (SELECT COUNT(*) FROM jobs a WHERE a.platform = j.platform AND a.tenant = j.tenant AND a.state = 'queued' AND a.seq < j.seq)
                 + (SELECT COUNT(*) FROM jobs r WHERE r.platform = j.platform AND r.tenant = j.tenant AND r.state = 'running') + 1
            FROM jobs j WHERE j.id = @id AND j.state = 'queued'
            """, cancellationToken, ("@id", jobId));
        return result is long position ? (int)position : null;
    }

    public async Task<IReadOnlyList<JobRecord>> QueuedInTenantAsync(string platform, string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {JobRows.JobColumns} FROM jobs WHERE platform = @platform AND tenant = @tenant AND state = 'queued' ORDER BY seq";
        command.Parameters.AddWithValue("@platform", platform);
        command.Parameters.AddWithValue("@tenant", tenant);
        var jobs = new List<JobRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(JobRows.ReadJob(reader));
        }
        return jobs;
    }

    public async Task<TimeSpan?> RecentAverageDurationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var result = await ScalarAsync(connection, """
            SELECT AVG(finished_at - started_at) FROM (
                SELECT finished_at, started_at FROM jobs WHERE state = 'done' AND started_at IS NOT NULL
                ORDER BY finished_at DESC LIMIT 20) recent
            """, cancellationToken);
        return result is double ms ? TimeSpan.FromMilliseconds(ms) : null;
    }

    public async Task<(int Running, int Queued)> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(CASE WHEN state = 'running' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END), 0) FROM jobs WHERE state IN ('running', 'queued')";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    // Transcripts and answers go with their job; media never reach the database at all.
    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        WriteAsync(() => DeleteFinishedUnlockedAsync(cutoff, cancellationToken), cancellationToken);

    private async Task<int> DeleteFinishedUnlockedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var where = "state NOT IN ('queued', 'running') AND finished_at < @cutoff";
        await ExecuteAsync(connection, $"DELETE FROM answers WHERE job_id IN (SELECT id FROM jobs WHERE {where})", cancellationToken, transaction, ("@cutoff", JobRows.Millis(cutoff)));
        var deleted = await ExecuteAsync(connection, $"DELETE FROM jobs WHERE {where}", cancellationToken, transaction, ("@cutoff", JobRows.Millis(cutoff)));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<bool> CanWriteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await NonQueryAsync("UPDATE schema_info SET checked_at = @now", _ => { }, cancellationToken, ("@now", JobRows.Millis(now))) == 1;
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

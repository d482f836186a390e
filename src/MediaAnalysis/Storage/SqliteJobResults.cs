using MediaAnalysis.Jobs;
using System.Globalization;

namespace MediaAnalysis.Storage;

// The transcript and the answers, each stored once and marked when posted, so a resumed job posts only what is missing.
internal sealed class SqliteJobResults(SqliteDatabase database) : IJobResults
{
    public Task SaveTranscriptAsync(string jobId, string transcript, string? language, string? paragraphs, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.SaveTranscript,
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@text", transcript), ("@language", StoredText.ClipOrNull(language, StoredText.LanguageLength)), ("@paragraphs", paragraphs));

    public Task MarkTranscriptPostedAsync(string jobId, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.MarkTranscriptPosted, p => p.AddWithValue("@id", jobId), cancellationToken);

    public Task SaveAnswerAsync(string jobId, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        var succeeded = outcome as ModelOutcome.Succeeded;
        var failed = outcome as ModelOutcome.Failed;
        return database.NonQueryAsync(
            JobSql.SaveAnswer,
            p => p.AddWithValue("@id", jobId), cancellationToken,
            ("@prompt", StoredText.Fit(outcome.Prompt, StoredText.PromptLength)),
            ("@model", StoredText.Fit(outcome.Model, StoredText.NameLength)), ("@ok", succeeded is null ? 0 : 1),
            ("@body", succeeded?.Answer ?? failed?.Reason ?? ""), ("@served", StoredText.ClipOrNull(succeeded?.ServedBy, StoredText.NameLength)),
            ("@in", succeeded?.PromptTokens), ("@out", succeeded?.CompletionTokens),
            ("@cost", succeeded?.Cost?.ToString(CultureInfo.InvariantCulture)),
            ("@seconds", outcome.Elapsed.TotalSeconds), ("@attempts", outcome.Attempts), ("@status", failed?.Status));
    }

    public Task<IReadOnlyList<StoredAnswer>> GetAnswersAsync(string jobId, CancellationToken cancellationToken) =>
        database.ListAsync(JobSql.Answers, JobRows.ReadAnswer, cancellationToken, ("@id", jobId));

    public Task SetPageTokenAsync(string jobId, string token, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.SavePageToken, p => p.AddWithValue("@id", jobId), cancellationToken,
            ("@hash", PageToken.Hash(token)), ("@token", token));

    public async Task<JobRecord?> FindByPageTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync($"SELECT {JobRows.JobColumns} FROM jobs WHERE page_token_hash = @hash", JobRows.ReadJob, cancellationToken, ("@hash", tokenHash));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> DeleteJobAsync(string jobId, CancellationToken cancellationToken) =>
        await database.WriteAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await SqliteDatabase.ExecuteAsync(connection, "DELETE FROM answers WHERE job_id = @id", cancellationToken, transaction, ("@id", jobId));
            await SqliteDatabase.ExecuteAsync(connection, "DELETE FROM questions WHERE job_id = @id", cancellationToken, transaction, ("@id", jobId));
            var deleted = await SqliteDatabase.ExecuteAsync(connection, "DELETE FROM jobs WHERE id = @id", cancellationToken, transaction, ("@id", jobId));
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }, cancellationToken) > 0;

    public Task MarkAnswerPostedAsync(string jobId, string prompt, string model, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.MarkAnswerPosted,
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@prompt", StoredText.Fit(prompt, StoredText.PromptLength)), ("@model", StoredText.Fit(model, StoredText.NameLength)));
}

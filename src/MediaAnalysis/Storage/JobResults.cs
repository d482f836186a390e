using MediaAnalysis.Jobs;
using System.Globalization;

namespace MediaAnalysis.Storage;

// The transcript and the answers, each stored once (the primary key, whichever instance saves it first) and marked
// when posted, so a resumed job posts only what is missing. The SQL is the same on both providers; each provider's
// part (SqliteJobResults, PostgresJobResults) adds how a transcript is streamed and how a job is deleted.
internal abstract class JobResults(ISqlDatabase database) : IJobResults
{
    public Task SaveTranscriptAsync(string jobId, string transcript, string? language, string? paragraphs, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.SaveTranscript,
            cancellationToken, ("@id", jobId), ("@text", transcript), ("@language", StoredText.ClipOrNull(language, StoredText.LanguageLength)), ("@paragraphs", paragraphs));

    public Task MarkTranscriptPostedAsync(string jobId, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.MarkTranscriptPosted, cancellationToken, ("@id", jobId));

    public Task SaveAnswerAsync(string jobId, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        var succeeded = outcome as ModelOutcome.Succeeded;
        var failed = outcome as ModelOutcome.Failed;
        return database.NonQueryAsync(JobSql.SaveAnswer, cancellationToken,
            ("@id", jobId), ("@prompt", StoredText.Fit(outcome.Prompt, StoredText.PromptLength)),
            ("@model", StoredText.Fit(outcome.Model, StoredText.NameLength)), ("@ok", succeeded is null ? 0 : 1),
            ("@body", succeeded?.Answer ?? failed?.Reason ?? ""), ("@served", StoredText.ClipOrNull(succeeded?.ServedBy, StoredText.NameLength)),
            ("@in", succeeded?.PromptTokens), ("@out", succeeded?.CompletionTokens),
            ("@cost", succeeded?.Cost?.ToString(CultureInfo.InvariantCulture)),
            ("@seconds", outcome.Elapsed.TotalSeconds), ("@attempts", outcome.Attempts), ("@status", failed?.Status));
    }

    public Task<IReadOnlyList<StoredAnswer>> GetAnswersAsync(string jobId, CancellationToken cancellationToken) =>
        database.ListAsync(JobSql.Answers, JobRows.ReadAnswer, cancellationToken, ("@id", jobId));

    public Task SetPageTokenAsync(string jobId, string token, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.SavePageToken, cancellationToken,
            ("@id", jobId), ("@hash", PageToken.Hash(token)), ("@token", token));

    public async Task<JobRecord?> FindByPageTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync(JobSql.FindPage, JobRows.ReadJob, cancellationToken, ("@hash", tokenHash));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task MarkAnswerPostedAsync(string jobId, string prompt, string model, CancellationToken cancellationToken) =>
        database.NonQueryAsync(JobSql.MarkAnswerPosted, cancellationToken,
            ("@id", jobId), ("@prompt", StoredText.Fit(prompt, StoredText.PromptLength)), ("@model", StoredText.Fit(model, StoredText.NameLength)));

    // The transcript (or its paragraphs) as a stream read off the database as it is read, never buffered whole.
    public abstract Task<Stream?> OpenTranscriptAsync(string jobId, bool paragraphs, CancellationToken cancellationToken);

    // The job with its answers and questions, all or nothing.
    public abstract Task<bool> DeleteJobAsync(string jobId, CancellationToken cancellationToken);
}

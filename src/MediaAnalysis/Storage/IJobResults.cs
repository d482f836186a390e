using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// What a job produces, the transcript and one answer per prompt and model, and which of them were posted.
public interface IJobResults
{
    // `paragraphs`: the TranscriptDocument (times, speakers), or null when there is no structure to keep.
    Task SaveTranscriptAsync(string jobId, string transcript, string? language, string? paragraphs, CancellationToken cancellationToken);

    Task MarkTranscriptPostedAsync(string jobId, CancellationToken cancellationToken);

    // Stored once per job, prompt and model: a second save of the same answer is ignored.
    Task SaveAnswerAsync(string jobId, ModelOutcome outcome, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredAnswer>> GetAnswersAsync(string jobId, CancellationToken cancellationToken);

    Task MarkAnswerPostedAsync(string jobId, string prompt, string model, CancellationToken cancellationToken);

    // The results page: the job keeps its token (for the status's link) and the token's SHA-256 (Jobs/PageToken.Hash),
    // by which a page request is looked up.
    Task SetPageTokenAsync(string jobId, string token, CancellationToken cancellationToken);

    // The row without its transcript's text: Transcript and TranscriptParagraphs are "" when stored, null when not.
    Task<JobRecord?> FindByPageTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    // The stored transcript as UTF-8 bytes read from the database as they are asked for, never whole in memory: the
    // TranscriptDocument (`paragraphs`) or the plain text. Null when the job has none. Dispose it to free its connection.
    Task<Stream?> OpenTranscriptAsync(string jobId, bool paragraphs, CancellationToken cancellationToken);

    // Delete: the job's row (transcript, page token) and its answers, at once. False when there was no such job.
    Task<bool> DeleteJobAsync(string jobId, CancellationToken cancellationToken);
}

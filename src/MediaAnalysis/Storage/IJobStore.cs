using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// The one seam to the job database. SQLite today; its SQL is kept portable (INSERT … ON CONFLICT,
// RETURNING, partial unique index) so that a PostgreSQL store can share it, and the rule of one running
// job per tenant is the database's (a unique index), not only this process's.
public interface IJobStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken);

    Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken);

    Task<JobRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    // The next queued job whose tenant runs nothing, least recently served tenant first; marked running
    // under this owner's lease. Null when nothing can start.
    Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Extends the leases of this owner's running jobs; returns those whose cancellation was requested.
    Task<IReadOnlyList<string>> RenewLeasesAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Running jobs of a dead process (this owner's, or any whose lease ran out) go back to the queue.
    Task<int> RequeueOrphansAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    // Gives up a job without finishing it (shutdown): it stays running until its lease lapses or the owner restarts.
    Task ReleaseAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    Task SetStageAsync(string jobId, string stage, CancellationToken cancellationToken);

    Task SaveMediaAsync(string jobId, long sizeBytes, double mediaSeconds, CancellationToken cancellationToken);

    Task SaveTranscriptAsync(string jobId, string transcript, string? language, CancellationToken cancellationToken);

    Task MarkTranscriptPostedAsync(string jobId, CancellationToken cancellationToken);

    Task SaveAnswerAsync(string jobId, ModelOutcome outcome, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredAnswer>> GetAnswersAsync(string jobId, CancellationToken cancellationToken);

    Task MarkAnswerPostedAsync(string jobId, string prompt, string model, CancellationToken cancellationToken);

    Task SavePlatformStateAsync(string jobId, string state, CancellationToken cancellationToken);

    Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken);

    // Queued: cancelled at once (true). Running: the request is recorded for the worker that runs it (false).
    Task<bool> CancelAsync(string jobId, string by, DateTimeOffset now, CancellationToken cancellationToken);

    // 1 = next; counts the tenant's queued jobs ahead, plus one for its running job.
    Task<int?> QueuePositionAsync(string jobId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobRecord>> QueuedInTenantAsync(string platform, string tenant, CancellationToken cancellationToken);

    // Mean run time of recent finished jobs, for wait estimates.
    Task<TimeSpan?> RecentAverageDurationAsync(CancellationToken cancellationToken);

    Task<(int Running, int Queued)> CountsAsync(CancellationToken cancellationToken);

    Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    // A real write, for /healthz: false when the database cannot be written.
    Task<bool> CanWriteAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

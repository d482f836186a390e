using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// Which worker runs what: a job is claimed under a lease its worker keeps renewing, and ends finished or released.
public interface IJobClaims
{
    // The next queued job whose tenant runs nothing, least recently served tenant first; marked running
    // under this owner's lease. Null when nothing can start.
    Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Extends the leases of these jobs, the ones this owner's workers are running now (a job whose worker ended
    // without storing its end is not among them: its lease lapses); returns those whose cancellation was requested.
    Task<IReadOnlyList<string>> RenewLeasesAsync(string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Running jobs of a dead process (this owner's, or any whose lease ran out) go back to the queue.
    Task<int> RequeueOrphansAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken);

    // Gives up a job without finishing it (shutdown): it stays running until its lease lapses or the owner restarts.
    Task ReleaseAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    // Ends a queued or running job in a final state; false when it had already ended.
    Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken);
}

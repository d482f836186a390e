using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// Requests coming in and what their requesters may ask about them: enqueue, look up, place in line, cancel.
public interface IJobIntake
{
    // Created: the job with its ledger row (SpendEntry.Job), in one transaction. OverLimit: the request's
    // MemberDailyLimit was reached on `now`'s UTC day (checked in the same transaction); nothing was made.
    Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken);

    Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken);

    Task<JobRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    // Queued: cancelled at once (true). Running: the request is recorded for the worker that runs it (false).
    Task<bool> CancelAsync(string jobId, string by, DateTimeOffset now, CancellationToken cancellationToken);

    // 1 = next; counts the tenant's queued jobs ahead, plus one for its running job.
    Task<int?> QueuePositionAsync(string jobId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobRecord>> QueuedInTenantAsync(string platform, string tenant, CancellationToken cancellationToken);

    // Mean run time of recent finished jobs, for wait estimates.
    Task<TimeSpan?> RecentAverageDurationAsync(CancellationToken cancellationToken);
}

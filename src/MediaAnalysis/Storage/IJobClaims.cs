using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// Which worker runs what: a job is claimed under a lease its worker keeps renewing, and ends finished or released.
// An owner is one process: Queue:InstanceId, a slash and a per-process nonce (InstanceIdentity). The lease, the
// attempt number and the state are the database's; every change a worker makes to a job it may have lost is a
// compare-and-set on them.
public interface IJobClaims
{
    // The next queued job whose tenant runs nothing, least recently served tenant first; marked running
    // under this owner's lease. Null when nothing can start.
    Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Extends the leases of these jobs, the ones this owner's workers are running now (a job whose worker ended
    // without storing its end is not among them: its lease lapses); returns those whose cancellation was requested.
    Task<IReadOnlyList<string>> RenewLeasesAsync(string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // At start: running jobs of an earlier process with this instance id (an owner "instanceId/…", or exactly
    // instanceId), and any whose lease ran out, go back to the queue; that earlier process is forgotten.
    Task<int> RequeueOrphansAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken);

    // Running jobs whose lease ran out (their instance died or froze) go back to the queue, each by a
    // compare-and-set on the state and attempt read, so a job that finished or was taken meanwhile is left alone.
    Task<int> RescueLapsedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    // True when this owner still holds this attempt of the job (running, its lease, its attempt number), and then
    // extends the lease: what a worker checks right before it posts or ends the job, so one that froze past its
    // lease and lost the job notices instead of posting twice.
    Task<bool> ConfirmLeaseAsync(string jobId, string owner, int attempt, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Gives up a running job without finishing it (shutdown): its lease ends now, so the next rescue pass of any
    // instance puts it back in the queue (at once on PostgreSQL, whose other instances are told so by NOTIFY
    // "released"), and a restart with the same instance id takes it back.
    Task ReleaseAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    // Ends a queued or running job in a final state; false when it had already ended.
    Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken);

    // This process is alive (owner, under instanceId); returns the other owners with the same instance id seen
    // within `within`: two live processes configured with one id.
    Task<IReadOnlyList<string>> HeartbeatAsync(string instanceId, string owner, DateTimeOffset now, TimeSpan within, CancellationToken cancellationToken);
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// Which worker runs what: a job is claimed under a lease its worker keeps renewing; a lease left to lapse (a killed
// instance, rescued by compare-and-set) or released puts the job back in its queue. The unique index on running jobs
// per tenant keeps two instances from starting one tenant's jobs at once. A claim ends finished or released.
// The SQL here is the same on both providers; each provider's part picks the next job, renews leases, and wakes the
// other instances when a job may start (SqliteJobClaims, PostgresJobClaims).
internal abstract class JobClaims(ISqlDatabase database) : IJobClaims
{
    // WakeOthersAsync's reasons: a job may start ("job"), or a job was given up and waits for a rescue ("released").
    protected const string JobWaiting = "job";
    protected const string Released = "released";

    public abstract Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // Only the jobs a worker of this process still runs: a job whose end could not be stored lets its lease lapse.
    public abstract Task<IReadOnlyList<string>> RenewLeasesAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    // The claim of the next job: resumed jobs first; then the tenant served least recently (never served first); then
    // first come. `locking` is what the provider adds to the pick (PostgreSQL: FOR UPDATE SKIP LOCKED).
    protected static string ClaimNextSql(string locking) => $"""
        UPDATE jobs SET state = 'running', started_at = @now, lease_owner = @owner, lease_until = @until, attempts = attempts + 1
        WHERE state = 'queued' AND id = (
            SELECT j.id FROM jobs j
            WHERE j.state = 'queued'
              AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.platform = j.platform AND r.tenant = j.tenant AND r.state = 'running')
            ORDER BY CASE WHEN j.attempts > 0 THEN 0 ELSE 1 END,
                     (SELECT MAX(s.started_at) FROM jobs s WHERE s.platform = j.platform AND s.tenant = j.tenant) NULLS FIRST,
                     j.seq
            LIMIT 1 {locking})
        RETURNING {JobRows.JobColumns}
        """;

    // Tells the other instances sharing the database (one of JobWaiting, Released).
    protected abstract Task WakeOthersAsync(string reason, CancellationToken cancellationToken);

    public async Task<int> RequeueOrphansAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = await database.NonQueryAsync(JobSql.RequeueOwn, cancellationToken, ("@id", instanceId));
        await database.NonQueryAsync(JobSql.ForgetInstance, cancellationToken, ("@id", instanceId));
        if (own > 0)
        {
            await WakeOthersAsync(JobWaiting, cancellationToken);
        }
        return own + await RescueLapsedAsync(now, cancellationToken);
    }

    public async Task<int> RescueLapsedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lapsed = await database.ListAsync(JobSql.LapsedJobs,
            r => (Id: r.GetString(0), Attempts: r.GetInt32(1)), cancellationToken, ("@now", JobRows.Millis(now)));
        var rescued = 0;
        foreach (var (id, attempts) in lapsed)
        {
            rescued += await database.NonQueryAsync(JobSql.RequeueLapsed, cancellationToken, ("@id", id), ("@attempts", attempts), ("@now", JobRows.Millis(now)));
        }
        if (rescued > 0)
        {
            await WakeOthersAsync(JobWaiting, cancellationToken);
        }
        return rescued;
    }

    public async Task<bool> ConfirmLeaseAsync(string jobId, string owner, int attempt, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        await database.NonQueryAsync(
            JobSql.ConfirmLease,
            cancellationToken, ("@id", jobId), ("@owner", owner), ("@attempt", attempt), ("@until", JobRows.Millis(now + lease))) == 1;

    public async Task ReleaseAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Its lease ends now; the other instances hear so at once and rescue it (RescueLapsedAsync).
        if (await database.NonQueryAsync(JobSql.Release, cancellationToken, ("@id", jobId), ("@now", JobRows.Millis(now))) == 1)
        {
            await WakeOthersAsync(Released, cancellationToken);
        }
    }

    public async Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await database.NonQueryAsync(JobSql.Finish, cancellationToken, ("@id", jobId), ("@state", JobRows.StateName(state)), ("@note", note), ("@now", JobRows.Millis(now))) != 1)
        {
            return false;
        }
        await WakeOthersAsync(JobWaiting, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<string>> HeartbeatAsync(string instanceId, string owner, DateTimeOffset now, TimeSpan within, CancellationToken cancellationToken)
    {
        await database.NonQueryAsync(JobSql.SeenInstance, cancellationToken, ("@owner", owner), ("@id", instanceId), ("@now", JobRows.Millis(now)));
        await database.NonQueryAsync(JobSql.ForgetOldInstances, cancellationToken, ("@old", JobRows.Millis(now - TimeSpan.FromDays(1))));
        return await database.ListAsync(JobSql.SameIdElsewhere,
            r => r.GetString(0), cancellationToken, ("@id", instanceId), ("@owner", owner), ("@since", JobRows.Millis(now - within)));
    }
}

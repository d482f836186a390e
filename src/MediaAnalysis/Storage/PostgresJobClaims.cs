using MediaAnalysis.Jobs;
using Npgsql;

namespace MediaAnalysis.Storage;

// Claims across instances: the next job is locked with FOR UPDATE SKIP LOCKED (two instances never pick the same
// row, neither waits for the other), and the unique index on running jobs per tenant refuses a second running job
// of one tenant whoever writes it. Leases, rescue and release as in IJobClaims; anything that may let another job
// start (a finish, a release, a rescue) wakes the other instances (NOTIFY).
internal sealed class PostgresJobClaims(PostgresDatabase database) : IJobClaims
{
    private const string WakeOthers = $"SELECT pg_notify('{PostgresDatabase.Channel}', 'job')";

    public async Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Resumed jobs first; then the tenant served least recently (never served first); then first come.
        var sql = $"""
            UPDATE jobs SET state = 'running', started_at = @now, lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE state = 'queued' AND id = (
                SELECT j.id FROM jobs j
                WHERE j.state = 'queued'
                  AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.platform = j.platform AND r.tenant = j.tenant AND r.state = 'running')
                ORDER BY CASE WHEN j.attempts > 0 THEN 0 ELSE 1 END,
                         (SELECT MAX(s.started_at) FROM jobs s WHERE s.platform = j.platform AND s.tenant = j.tenant) NULLS FIRST,
                         j.seq
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING {JobRows.JobColumns}
            """;
        // A tenant another instance started a job in a moment ago is refused by the unique index: that instance
        // has committed by then, so the next try passes over the tenant.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                await using var command = PostgresDatabase.Command(connection, sql, null,
                    ("@now", JobRows.Millis(now)), ("@owner", owner), ("@until", JobRows.Millis(now + lease)));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? JobRows.ReadJob(reader) : null;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
            }
        }
        return null;
    }

    // Only the jobs a worker of this process still runs: a job whose end could not be stored lets its lease lapse.
    public async Task<IReadOnlyList<string>> RenewLeasesAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }
        var rows = await database.ListAsync(
            "UPDATE jobs SET lease_until = @until WHERE lease_owner = @owner AND state = 'running' AND id = ANY(@ids) RETURNING id, cancel_requested_by",
            r => (Id: r.GetString(0), Cancelled: !r.IsDBNull(1)), cancellationToken, ("@owner", owner), ("@until", JobRows.Millis(now + lease)),
            ("@ids", jobIds.ToArray()));
        return [.. rows.Where(r => r.Cancelled).Select(r => r.Id)];
    }

    public async Task<int> RequeueOrphansAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = await database.NonQueryAsync(JobSql.RequeueOwn, cancellationToken, ("@id", instanceId));
        await database.NonQueryAsync(JobSql.ForgetInstance, cancellationToken, ("@id", instanceId));
        if (own > 0)
        {
            await database.ScalarAsync(WakeOthers, cancellationToken);
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
            await database.ScalarAsync(WakeOthers, cancellationToken);
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
        if (await database.NonQueryAsync(JobSql.Release,
                cancellationToken, ("@id", jobId), ("@now", JobRows.Millis(now))) == 1)
        {
            await database.ScalarAsync($"SELECT pg_notify('{PostgresDatabase.Channel}', 'released')", cancellationToken);
        }
    }

    public async Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await database.NonQueryAsync(JobSql.Finish, cancellationToken, ("@id", jobId), ("@state", JobRows.StateName(state)), ("@note", note), ("@now", JobRows.Millis(now))) != 1)
        {
            return false;
        }
        await database.ScalarAsync(WakeOthers, cancellationToken);
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

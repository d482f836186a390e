using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// Which worker runs what: a job is claimed under a lease its worker keeps renewing; a lease left to lapse (a
// killed instance, rescued by compare-and-set) or released puts the job back in its queue. The unique index on running jobs per tenant
// keeps two instances from starting one tenant's jobs at once. A claim ends finished or released.
internal sealed class SqliteJobClaims(SqliteDatabase database) : IJobClaims
{
    public Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        database.WriteAsync(() => ClaimNextUnlockedAsync(owner, now, lease, cancellationToken), cancellationToken);

    private async Task<JobRecord?> ClaimNextUnlockedAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Resumed jobs first; then the tenant served least recently (never served first); then first come.
        command.CommandText = $"""
            UPDATE jobs SET state = 'running', started_at = @now, lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE state = 'queued' AND id = (
                SELECT j.id FROM jobs j
                WHERE j.state = 'queued'
                  AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.platform = j.platform AND r.tenant = j.tenant AND r.state = 'running')
                ORDER BY CASE WHEN j.attempts > 0 THEN 0 ELSE 1 END,
                         CASE WHEN (SELECT MAX(s.started_at) FROM jobs s WHERE s.platform = j.platform AND s.tenant = j.tenant) IS NULL THEN 0 ELSE 1 END,
                         (SELECT MAX(s.started_at) FROM jobs s WHERE s.platform = j.platform AND s.tenant = j.tenant),
                         j.seq
                LIMIT 1)
            RETURNING {JobRows.JobColumns}
            """;
        command.Parameters.AddWithValue("@now", JobRows.Millis(now));
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@until", JobRows.Millis(now + lease));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? JobRows.ReadJob(reader) : null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // Another instance started a job in that tenant first: the unique index said no. Try again later.
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> RenewLeasesAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        jobIds.Count == 0 ? [] : await database.WriteAsync(() => RenewLeasesUnlockedAsync(owner, jobIds, now, lease, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<string>> RenewLeasesUnlockedAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = jobIds.Select((_, i) => $"@id{i}").ToList();
        command.CommandText = $"""
            UPDATE jobs SET lease_until = @until
            WHERE lease_owner = @owner AND state = 'running' AND id IN ({string.Join(", ", names)})
            RETURNING id, cancel_requested_by
            """;
        command.Parameters.AddWithValue("@owner", owner);
        foreach (var (name, id) in names.Zip(jobIds))
        {
            command.Parameters.AddWithValue(name, id);
        }
        command.Parameters.AddWithValue("@until", JobRows.Millis(now + lease));
        var cancelled = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1))
            {
                cancelled.Add(reader.GetString(0));
            }
        }
        return cancelled;
    }

    public async Task<int> RequeueOrphansAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = await database.NonQueryAsync(JobSql.RequeueOwn, p => p.AddWithValue("@id", instanceId), cancellationToken);
        await database.NonQueryAsync(JobSql.ForgetInstance, p => p.AddWithValue("@id", instanceId), cancellationToken);
        return own + await RescueLapsedAsync(now, cancellationToken);
    }

    public async Task<int> RescueLapsedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lapsed = await database.ListAsync(JobSql.LapsedJobs,
            r => (Id: r.GetString(0), Attempts: r.GetInt32(1)), cancellationToken, ("@now", JobRows.Millis(now)));
        var rescued = 0;
        foreach (var (id, attempts) in lapsed)
        {
            rescued += await database.NonQueryAsync(JobSql.RequeueLapsed, p => p.AddWithValue("@id", id), cancellationToken, ("@attempts", attempts), ("@now", JobRows.Millis(now)));
        }
        return rescued;
    }

    public async Task<bool> ConfirmLeaseAsync(string jobId, string owner, int attempt, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        await database.NonQueryAsync(
            JobSql.ConfirmLease,
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@owner", owner), ("@attempt", attempt), ("@until", JobRows.Millis(now + lease))) == 1;

    public Task ReleaseAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken) => database.NonQueryAsync(
        JobSql.Release,
        p => p.AddWithValue("@id", jobId), cancellationToken, ("@now", JobRows.Millis(now)));

    public async Task<IReadOnlyList<string>> HeartbeatAsync(string instanceId, string owner, DateTimeOffset now, TimeSpan within, CancellationToken cancellationToken)
    {
        await database.NonQueryAsync(JobSql.SeenInstance, p => p.AddWithValue("@owner", owner), cancellationToken, ("@id", instanceId), ("@now", JobRows.Millis(now)));
        await database.NonQueryAsync(JobSql.ForgetOldInstances, p => p.AddWithValue("@old", JobRows.Millis(now - TimeSpan.FromDays(1))),
            cancellationToken);
        return await database.ListAsync(JobSql.SameIdElsewhere,
            r => r.GetString(0), cancellationToken, ("@id", instanceId), ("@owner", owner), ("@since", JobRows.Millis(now - within)));
    }

    public async Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.NonQueryAsync(
            JobSql.Finish,
            p => p.AddWithValue("@id", jobId), cancellationToken,
            ("@state", JobRows.StateName(state)), ("@note", note), ("@now", JobRows.Millis(now))) == 1;
}

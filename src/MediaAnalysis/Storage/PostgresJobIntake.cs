using MediaAnalysis.Jobs;
using Npgsql;

namespace MediaAnalysis.Storage;

// Requests in: insert-if-absent on the unique idempotency key, within the tenant's pending limit (checked under
// a per-tenant transaction lock, so instances enqueuing at once cannot pass it); look-ups, places, cancels.
internal sealed class PostgresJobIntake(PostgresDatabase database) : IJobIntake
{
    private const string TenantLock = "SELECT pg_advisory_xact_lock(hashtext(@platform || '/' || @tenant))";

    // The place in line (seq) is MAX(seq) + 1 of what is committed, so two enqueues of different tenants (different
    // tenant locks) once read the same MAX and took one place (issue 15: 45 jobs in 12 places). The insert and commit
    // now take turns under this lock, held from the insert to the commit (the look-ups above still run in parallel);
    // its two-key form never meets the tenant locks' one-key space. Places also come in commit order: no job
    // appears behind a claimer's back with an earlier place than one it already saw.
    private const string PlaceLock = "SELECT pg_advisory_xact_lock(19777, 1)";

    public async Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // PostgreSQL refuses a value longer than its column: every value is fitted first (StoredText), as SQLite's store does.
        request = StoredText.Fit(request);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostgresDatabase.ExecuteAsync(connection, TenantLock, cancellationToken, transaction,
            ("@platform", request.Platform), ("@tenant", request.Tenant));
        if (await FindAsync(connection, "idempotency_key = @key", cancellationToken, ("@key", request.IdempotencyKey)) is { } existing)
        {
            return new EnqueueResult(EnqueueOutcome.Duplicate, existing);
        }
        if (await FindAsync(connection,
                "platform = @platform AND tenant = @tenant AND requester_id = @requester AND video_key = @video AND state IN ('queued', 'running')",
                cancellationToken, ("@platform", request.Platform), ("@tenant", request.Tenant), ("@requester", request.RequesterId),
                ("@video", request.VideoKey)) is { } active)
        {
            return new EnqueueResult(EnqueueOutcome.AlreadyActive, active);
        }
        await PostgresDatabase.ExecuteAsync(connection, PlaceLock, cancellationToken, transaction);
        var id = Guid.NewGuid().ToString("N");
        var inserted = await PostgresDatabase.ExecuteAsync(connection, """
            INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url,
                              source_name, size_bytes, platform_state, requested_language, page_token, page_token_hash, state, seq, created_at)
            SELECT @id, @key, @platform, @tenant, @channel, @requester, @requester_name, @video, @url,
                   @source, CAST(@size AS BIGINT), CAST(@state AS TEXT), CAST(@language AS VARCHAR(20)),
                   CAST(@page AS VARCHAR(32)), CAST(@page_hash AS VARCHAR(64)), 'queued', (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), @now
            WHERE (SELECT COUNT(*) FROM jobs WHERE platform = @platform AND tenant = @tenant AND state = 'queued') < @max
            ON CONFLICT (idempotency_key) DO NOTHING
            """, cancellationToken, transaction,
            ("@id", id), ("@key", request.IdempotencyKey), ("@platform", request.Platform), ("@tenant", request.Tenant),
            ("@channel", request.Channel), ("@requester", request.RequesterId), ("@requester_name", request.RequesterName),
            ("@video", request.VideoKey), ("@url", request.VideoUrl.ToString()), ("@source", request.SourceName),
            ("@size", request.SizeBytes), ("@state", request.PlatformState), ("@language", request.Language),
            ("@page", request.PageToken), ("@page_hash", request.PageToken is { } page ? PageToken.Hash(page) : null), ("@now", JobRows.Millis(now)), ("@max", (long)maxPendingPerTenant));
        if (inserted == 1)
        {
            await PostgresDatabase.ExecuteAsync(connection, $"NOTIFY {PostgresDatabase.Channel}, 'job'", cancellationToken, transaction);
            var created = await FindAsync(connection, "id = @id", cancellationToken, ("@id", id));
            await transaction.CommitAsync(cancellationToken);
            return new EnqueueResult(EnqueueOutcome.Created, created);
        }
        await transaction.CommitAsync(cancellationToken);
        // Another instance inserted the same key between our look-up and our insert (it committed first).
        var raced = await FindAsync(connection, "idempotency_key = @key", cancellationToken, ("@key", request.IdempotencyKey));
        return raced is not null ? new EnqueueResult(EnqueueOutcome.Duplicate, raced) : new EnqueueResult(EnqueueOutcome.QueueFull, null);
    }

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        database.FindAsync("id = @id", cancellationToken, ("@id", jobId));

    public Task<JobRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        database.FindAsync("idempotency_key = @key", cancellationToken, ("@key", StoredText.Fit(idempotencyKey, StoredText.KeyLength)));

    public async Task<bool> CancelAsync(string jobId, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        by = StoredText.Clip(by, StoredText.NameLength);
        if (await database.NonQueryAsync(
                JobSql.CancelQueued,
                cancellationToken, ("@id", jobId), ("@note", $"Cancelled by {by}."), ("@by", by), ("@now", JobRows.Millis(now))) == 1)
        {
            return true;
        }
        // Whichever instance runs it hears at once (NOTIFY), or at its next lease renewal.
        if (await database.NonQueryAsync(JobSql.AskRunningToCancel,
                cancellationToken, ("@id", jobId), ("@by", by)) == 1)
        {
            await database.ScalarAsync($"SELECT pg_notify('{PostgresDatabase.Channel}', 'cancel:' || @id)", cancellationToken, ("@id", jobId));
        }
        return false;
    }

    public async Task<int?> QueuePositionAsync(string jobId, CancellationToken cancellationToken) =>
        await database.ScalarAsync(JobSql.QueuePosition, cancellationToken, ("@id", jobId)) is long position ? (int)position : null;

    public Task<IReadOnlyList<JobRecord>> QueuedInTenantAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        database.ListAsync(
            JobSql.QueuedInTenant,
            JobRows.ReadJob, cancellationToken, ("@platform", platform), ("@tenant", tenant));

    public async Task<TimeSpan?> RecentAverageDurationAsync(CancellationToken cancellationToken) =>
        await database.ScalarAsync("""
            SELECT AVG(finished_at - started_at)::double precision FROM (
                SELECT finished_at, started_at FROM jobs WHERE state = 'done' AND started_at IS NOT NULL
                ORDER BY finished_at DESC LIMIT 20) recent
            """, cancellationToken) is double ms ? TimeSpan.FromMilliseconds(ms) : null;

    private static Task<JobRecord?> FindAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters) => PostgresDatabase.FindAsync(connection, where, cancellationToken, parameters);
}

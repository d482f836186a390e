using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// Requests in: insert-if-absent on the idempotency key, within the tenant's pending limit; look-ups, places, cancels.
internal sealed class SqliteJobIntake : IJobIntake
{
    private readonly SqliteDatabase database;
    private readonly SqliteEnqueueBatch _batch;

    public SqliteJobIntake(SqliteDatabase database)
    {
        this.database = database;
        _batch = new SqliteEnqueueBatch(database, (writer, p) =>
            EnqueueInAsync(writer, p.Request, p.MaxPendingPerTenant, p.Now, p.CancellationToken));
    }

    // Concurrent calls are written together, in one transaction (SqliteEnqueueBatch). Values are fitted to their
    // columns first (StoredText), as PostgreSQL's store does: SQLite would keep them whole.
    public Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken) =>
        _batch.EnqueueAsync(StoredText.Fit(request), maxPendingPerTenant, now, cancellationToken);

    // This delivery's own job (its key) and an active job of the same person and video, in one read.
    private const string KnownOrActive = $"""
        SELECT {JobRows.JobColumns} FROM jobs WHERE idempotency_key = @key
        UNION ALL
        SELECT {JobRows.JobColumns} FROM jobs
        WHERE platform = @platform AND tenant = @tenant AND requester_id = @requester AND video_key = @video AND state IN ('queued', 'running')
        """;

    // One statement, so the pending limit and the idempotency key hold under concurrent deliveries.
    private const string Insert = $"""
        INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url,
                          source_name, size_bytes, platform_state, requested_language, page_token, page_token_hash, state, seq, created_at)
        SELECT @id, @key, @platform, @tenant, @channel, @requester, @requester_name, @video, @url,
               @source, @size, @state, @language, @page, @page_hash, 'queued', (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), @now
        WHERE (SELECT COUNT(*) FROM jobs WHERE platform = @platform AND tenant = @tenant AND state = 'queued') < @max
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING {JobRows.JobColumns}
        """;

    // The key or an active job of the same person and video, the member's day (when limited), the insert returning its
    // row with the job's ledger row, and the new job's place in line. Every statement is the write connection's kept one.
    private static async Task<EnqueueResult> EnqueueInAsync(
        SqliteWriter writer, AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await KnownOrActiveAsync(writer, request, cancellationToken) is { } known)
        {
            return known;
        }
        // The member's day: counted in this transaction, where the batch writes one request after another, so the
        // job of a request just before this one (its ledger row below) is counted too.
        if (request.MemberDailyLimit is { } daily
            && await writer.ScalarAsync(SpendStore.MemberJobs, cancellationToken, SpendStore.Today(request, now)) is long today
            && today >= daily)
        {
            return new EnqueueResult(EnqueueOutcome.OverLimit, null);
        }

        var insert = writer.Command(Insert);
        insert.Parameters.AddWithValue("@id", Guid.NewGuid().ToString("N"));
        insert.Parameters.AddWithValue("@key", request.IdempotencyKey);
        insert.Parameters.AddWithValue("@platform", request.Platform);
        insert.Parameters.AddWithValue("@tenant", request.Tenant);
        insert.Parameters.AddWithValue("@channel", request.Channel);
        insert.Parameters.AddWithValue("@requester", request.RequesterId);
        insert.Parameters.AddWithValue("@requester_name", request.RequesterName);
        insert.Parameters.AddWithValue("@video", request.VideoKey);
        insert.Parameters.AddWithValue("@url", request.VideoUrl.ToString());
        insert.Parameters.AddWithValue("@source", request.SourceName);
        insert.Parameters.AddWithValue("@size", (object?)request.SizeBytes ?? DBNull.Value);
        insert.Parameters.AddWithValue("@state", (object?)request.PlatformState ?? DBNull.Value);
        insert.Parameters.AddWithValue("@language", (object?)request.Language ?? DBNull.Value);
        insert.Parameters.AddWithValue("@page", (object?)request.PageToken ?? DBNull.Value);
        insert.Parameters.AddWithValue("@page_hash", request.PageToken is { } page ? PageToken.Hash(page) : (object)DBNull.Value);
        insert.Parameters.AddWithValue("@now", JobRows.Millis(now));
        insert.Parameters.AddWithValue("@max", maxPendingPerTenant);
        // The job and its ledger row (it counts toward its member's day) stand or fall together: a failed statement
        // here undoes this request's part alone, not the batch's transaction.
        await writer.ExecuteAsync("SAVEPOINT enqueue", cancellationToken);
        try
        {
            JobRecord? created = null;
            await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    created = JobRows.ReadJob(reader);
                }
            }
            if (created is not null)
            {
                await writer.ExecuteAsync(SpendStore.Insert, cancellationToken, SpendStore.Parameters(SpendStore.Accepted(created, now)));
            }
            await writer.ExecuteAsync("RELEASE enqueue", cancellationToken);
            if (created is not null)
            {
                // Its place, seen from inside the transaction: the batch's earlier requests for the tenant count.
                var place = await writer.ScalarAsync(JobSql.QueuePosition, cancellationToken, ("@id", created.Id));
                return new EnqueueResult(EnqueueOutcome.Created, created) { QueuePosition = place is long p ? (int)p : null };
            }
        }
        catch (SqliteException)
        {
            await writer.ExecuteAsync("ROLLBACK TO enqueue", CancellationToken.None);
            await writer.ExecuteAsync("RELEASE enqueue", CancellationToken.None);
            throw;
        }
        return await KnownOrActiveAsync(writer, request, cancellationToken) is { Outcome: EnqueueOutcome.Duplicate } raced
            ? raced
            : new EnqueueResult(EnqueueOutcome.QueueFull, null);
    }

    // Duplicate when the key is known (a delivery again, whatever its job's state), AlreadyActive for another request of
    // the same person and video that is queued or running, null for neither.
    private static async Task<EnqueueResult?> KnownOrActiveAsync(SqliteWriter writer, AnalyzeRequest request, CancellationToken cancellationToken)
    {
        var find = writer.Command(KnownOrActive);
        find.Parameters.AddWithValue("@key", request.IdempotencyKey);
        find.Parameters.AddWithValue("@platform", request.Platform);
        find.Parameters.AddWithValue("@tenant", request.Tenant);
        find.Parameters.AddWithValue("@requester", request.RequesterId);
        find.Parameters.AddWithValue("@video", request.VideoKey);
        JobRecord? active = null;
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var job = JobRows.ReadJob(reader);
            if (job.IdempotencyKey == request.IdempotencyKey)
            {
                return new EnqueueResult(EnqueueOutcome.Duplicate, job);
            }
            active ??= job;
        }
        return active is null ? null : new EnqueueResult(EnqueueOutcome.AlreadyActive, active);
    }

    public async Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindByIdAsync(connection, jobId, cancellationToken);
    }

    public async Task<JobRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindByKeyAsync(connection, StoredText.Fit(idempotencyKey, StoredText.KeyLength), cancellationToken);
    }

    public async Task<bool> CancelAsync(string jobId, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        by = StoredText.Clip(by, StoredText.NameLength);
        var note = $"Cancelled by {by}.";
        if (await database.NonQueryAsync(
                JobSql.CancelQueued,
                p => p.AddWithValue("@id", jobId), cancellationToken, ("@note", note), ("@by", by), ("@now", JobRows.Millis(now))) == 1)
        {
            return true;
        }
        await database.NonQueryAsync(JobSql.AskRunningToCancel,
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@by", by));
        return false;
    }

    public async Task<int?> QueuePositionAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var result = await SqliteDatabase.ScalarAsync(connection, JobSql.QueuePosition, cancellationToken, ("@id", jobId));
        return result is long position ? (int)position : null;
    }

    public Task<IReadOnlyList<JobRecord>> QueuedInTenantAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        database.ListAsync(
            JobSql.QueuedInTenant,
            JobRows.ReadJob, cancellationToken, ("@platform", platform), ("@tenant", tenant));

    public async Task<TimeSpan?> RecentAverageDurationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var result = await SqliteDatabase.ScalarAsync(connection, """
            SELECT AVG(finished_at - started_at) FROM (
                SELECT finished_at, started_at FROM jobs WHERE state = 'done' AND started_at IS NOT NULL
                ORDER BY finished_at DESC LIMIT 20) recent
            """, cancellationToken);
        return result is double ms ? TimeSpan.FromMilliseconds(ms) : null;
    }

    private static Task<JobRecord?> FindByIdAsync(SqliteConnection connection, string id, CancellationToken cancellationToken) =>
        SqliteDatabase.FindAsync(connection, "id = @id", p => p.AddWithValue("@id", id), cancellationToken);

    private static Task<JobRecord?> FindByKeyAsync(SqliteConnection connection, string key, CancellationToken cancellationToken) =>
        SqliteDatabase.FindAsync(connection, "idempotency_key = @key", p => p.AddWithValue("@key", key), cancellationToken);
}

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
        _batch = new SqliteEnqueueBatch(database, (connection, p) =>
            EnqueueInAsync(connection, p.Request, p.MaxPendingPerTenant, p.Now, p.CancellationToken));
    }

    // Concurrent calls are written together, in one transaction (SqliteEnqueueBatch). Values are fitted to their
    // columns first (StoredText), as PostgreSQL's store does: SQLite would keep them whole.
    public Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken) =>
        _batch.EnqueueAsync(StoredText.Fit(request), maxPendingPerTenant, now, cancellationToken);

    // Three statements: the key, an active job of the same person and video, the insert returning its row.
    private static async Task<EnqueueResult> EnqueueInAsync(
        SqliteConnection connection, AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindByKeyAsync(connection, request.IdempotencyKey, cancellationToken) is { } existing)
        {
            return new EnqueueResult(EnqueueOutcome.Duplicate, existing);
        }
        if (await SqliteDatabase.FindAsync(connection,
                "platform = @platform AND tenant = @tenant AND requester_id = @requester AND video_key = @video AND state IN ('queued', 'running')",
                p =>
                {
                    p.AddWithValue("@platform", request.Platform);
                    p.AddWithValue("@tenant", request.Tenant);
                    p.AddWithValue("@requester", request.RequesterId);
                    p.AddWithValue("@video", request.VideoKey);
                }, cancellationToken) is { } active)
        {
            return new EnqueueResult(EnqueueOutcome.AlreadyActive, active);
        }

        // One statement, so the pending limit and the idempotency key hold under concurrent deliveries.
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url,
                              source_name, size_bytes, platform_state, requested_language, page_token, page_token_hash, state, seq, created_at)
            SELECT @id, @key, @platform, @tenant, @channel, @requester, @requester_name, @video, @url,
                   @source, @size, @state, @language, @page, @page_hash, 'queued', (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), @now
            WHERE (SELECT COUNT(*) FROM jobs WHERE platform = @platform AND tenant = @tenant AND state = 'queued') < @max
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING {JobRows.JobColumns}
            """;
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
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new EnqueueResult(EnqueueOutcome.Created, JobRows.ReadJob(reader));
            }
        }
        var raced = await FindByKeyAsync(connection, request.IdempotencyKey, cancellationToken);
        return raced is not null ? new EnqueueResult(EnqueueOutcome.Duplicate, raced) : new EnqueueResult(EnqueueOutcome.QueueFull, null);
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

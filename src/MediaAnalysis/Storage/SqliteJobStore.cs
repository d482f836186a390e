using System.Globalization;
using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

public sealed partial class SqliteJobStore(IOptions<StorageOptions> options, ILogger<SqliteJobStore> logger) : IJobStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
    {
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private readonly string? _walPath = new SqliteConnectionStringBuilder(options.Value.ConnectionString).DataSource is { Length: > 0 } file
        && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.GetFullPath(file) + "-wal"
            : null;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } directory && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        var version = 0;
        if (await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'", cancellationToken) is long and > 0)
        {
            version = Convert.ToInt32(await ScalarAsync(connection, "SELECT version FROM schema_info", cancellationToken), CultureInfo.InvariantCulture);
        }
        for (var next = version; next < JobSchema.Migrations.Length; next++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, JobSchema.Migrations[next], cancellationToken, transaction);
            await ExecuteAsync(connection, $"UPDATE schema_info SET version = {next + 1}", cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
            SchemaMigrated(logger, next + 1);
        }
    }

    public Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(() => EnqueueUnlockedAsync(request, maxPendingPerTenant, now, cancellationToken), cancellationToken);

    private async Task<EnqueueResult> EnqueueUnlockedAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (await FindAsync(connection, "idempotency_key = @key", p => p.AddWithValue("@key", request.IdempotencyKey), cancellationToken) is { } existing)
        {
            return new EnqueueResult(EnqueueOutcome.Duplicate, existing);
        }
        if (await FindAsync(connection,
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
        insert.CommandText = """
            INSERT INTO jobs (id, idempotency_key, platform, tenant, channel, requester_id, requester_name, video_key, video_url,
                              source_name, size_bytes, platform_state, state, seq, created_at)
            SELECT @id, @key, @platform, @tenant, @channel, @requester, @requester_name, @video, @url,
                   @source, @size, @state, 'queued', (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), @now
            WHERE (SELECT COUNT(*) FROM jobs WHERE platform = @platform AND tenant = @tenant AND state = 'queued') < @max
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        var id = Guid.NewGuid().ToString("N");
        insert.Parameters.AddWithValue("@id", id);
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
        insert.Parameters.AddWithValue("@now", JobRows.Millis(now));
        insert.Parameters.AddWithValue("@max", maxPendingPerTenant);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return new EnqueueResult(EnqueueOutcome.Created, await FindAsync(connection, "id = @id", p => p.AddWithValue("@id", id), cancellationToken));
        }
        var raced = await FindAsync(connection, "idempotency_key = @key", p => p.AddWithValue("@key", request.IdempotencyKey), cancellationToken);
        return raced is not null ? new EnqueueResult(EnqueueOutcome.Duplicate, raced) : new EnqueueResult(EnqueueOutcome.QueueFull, null);
    }

    public async Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindAsync(connection, "id = @id", p => p.AddWithValue("@id", jobId), cancellationToken);
    }

    public async Task<JobRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindAsync(connection, "idempotency_key = @key", p => p.AddWithValue("@key", idempotencyKey), cancellationToken);
    }

    public Task SetStageAsync(string jobId, string stage, CancellationToken cancellationToken) =>
        NonQueryAsync("UPDATE jobs SET stage = @stage, stage_at = @now WHERE id = @id", p => p.AddWithValue("@id", jobId), cancellationToken,
            ("@stage", stage), ("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public Task SaveMediaAsync(string jobId, long sizeBytes, double mediaSeconds, CancellationToken cancellationToken) =>
        NonQueryAsync("UPDATE jobs SET size_bytes = @size, media_seconds = @seconds WHERE id = @id",
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@size", sizeBytes), ("@seconds", mediaSeconds));

    public Task SaveTranscriptAsync(string jobId, string transcript, string? language, CancellationToken cancellationToken) =>
        NonQueryAsync("UPDATE jobs SET transcript = @text, language = @language WHERE id = @id",
            p => p.AddWithValue("@id", jobId), cancellationToken, ("@text", transcript), ("@language", language));

    public Task MarkTranscriptPostedAsync(string jobId, CancellationToken cancellationToken) =>
        NonQueryAsync("UPDATE jobs SET transcript_posted = 1 WHERE id = @id", p => p.AddWithValue("@id", jobId), cancellationToken);

    public Task SavePlatformStateAsync(string jobId, string state, CancellationToken cancellationToken) =>
        NonQueryAsync("UPDATE jobs SET platform_state = @state WHERE id = @id", p => p.AddWithValue("@id", jobId), cancellationToken, ("@state", state));

    [LoggerMessage(2002, LogLevel.Warning, "WAL checkpoint failed (SQLite error {Code}): {Message}")]
    private static partial void CheckpointFailed(ILogger logger, int code, string message);

    [LoggerMessage(2000, LogLevel.Information, "Job store schema migrated to version {Version}")]
    private static partial void SchemaMigrated(ILogger logger, int version);
}

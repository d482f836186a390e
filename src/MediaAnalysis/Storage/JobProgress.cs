namespace MediaAnalysis.Storage;

// A running job's stage (with the time it was entered), its media's size and length, and the platform's state; either provider.
internal sealed class JobProgress(ISqlDatabase database, TimeProvider time) : IJobProgress
{
    public Task SetStageAsync(string jobId, string stage, CancellationToken cancellationToken) =>
        database.NonQueryAsync("UPDATE jobs SET stage = @stage, stage_at = @now WHERE id = @id", cancellationToken,
            ("@id", jobId), ("@stage", stage), ("@now", JobRows.Millis(time.GetUtcNow())));

    public Task SaveMediaAsync(string jobId, long sizeBytes, double mediaSeconds, CancellationToken cancellationToken) =>
        database.NonQueryAsync("UPDATE jobs SET size_bytes = @size, media_seconds = @seconds WHERE id = @id", cancellationToken,
            ("@id", jobId), ("@size", sizeBytes), ("@seconds", mediaSeconds));

    public Task SavePlatformStateAsync(string jobId, string state, CancellationToken cancellationToken) =>
        database.NonQueryAsync("UPDATE jobs SET platform_state = @state WHERE id = @id", cancellationToken, ("@id", jobId), ("@state", state));

    public async Task<bool> ReplacePlatformStateAsync(string jobId, string expected, string state, CancellationToken cancellationToken) =>
        await database.NonQueryAsync("UPDATE jobs SET platform_state = @state WHERE id = @id AND platform_state = @expected", cancellationToken,
            ("@id", jobId), ("@state", state), ("@expected", expected)) == 1;
}

namespace MediaAnalysis.Queue;

// Log lines about leases across instances (beside QueueLog's about jobs).
internal static partial class LeaseLog
{
    [LoggerMessage(2120, LogLevel.Warning, "Job {JobId}: this process lost its lease on attempt {Attempt} (another instance took the job); it posts nothing more")]
    public static partial void Lost(ILogger logger, string jobId, int attempt);

    [LoggerMessage(2121, LogLevel.Information, "Rescued {Count} job(s) whose instance stopped renewing its lease")]
    public static partial void Rescued(ILogger logger, int count);

    [LoggerMessage(2122, LogLevel.Warning, "Another live process uses Queue:InstanceId {InstanceId}: {Others} (this one is {Owner}); give each instance its own id")]
    public static partial void DuplicateInstance(ILogger logger, string instanceId, string others, string owner);

    [LoggerMessage(2123, LogLevel.Error, "Instance heartbeat failed; retrying")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(2124, LogLevel.Information, "Instance {Owner} serving from the shared job store")]
    public static partial void Serving(ILogger logger, string owner);
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Queue;

// Event ids 2100-2199. Never log tokens, transcripts or answers.
public static partial class QueueLog
{
    [LoggerMessage(2100, LogLevel.Information, "Job {JobId} queued for {Platform}/{Tenant} ({Outcome})")]
    public static partial void Enqueued(ILogger logger, string jobId, string platform, string tenant, string outcome);

    [LoggerMessage(2101, LogLevel.Information, "Job {JobId} started (attempt {Attempt})")]
    public static partial void Started(ILogger logger, string jobId, int attempt);

    [LoggerMessage(2102, LogLevel.Information, "Job {JobId} finished {State} in {Seconds:0.0} s")]
    public static partial void Finished(ILogger logger, string jobId, JobState state, double seconds);

    [LoggerMessage(2103, LogLevel.Warning, "Job {JobId} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string jobId, string reason);

    [LoggerMessage(2104, LogLevel.Error, "Job {JobId} failed unexpectedly")]
    public static partial void Crashed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(2105, LogLevel.Warning, "Status update for job {JobId} failed: {Type}: {Message}")]
    public static partial void StatusFailed(ILogger logger, string jobId, string type, string message);

    [LoggerMessage(2106, LogLevel.Information, "Requeued {Count} job(s) left running by a previous process")]
    public static partial void Requeued(ILogger logger, int count);

    [LoggerMessage(2107, LogLevel.Information, "Job {JobId} left for the next start (shutdown)")]
    public static partial void Released(ILogger logger, string jobId);

    [LoggerMessage(2108, LogLevel.Error, "The job worker loop failed; retrying")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(2109, LogLevel.Information, "Retention deleted {Count} finished job(s)")]
    public static partial void Retention(ILogger logger, int count);

    [LoggerMessage(2110, LogLevel.Error, "No chat adapter for platform {Platform}; job {JobId} fails")]
    public static partial void NoReplier(ILogger logger, string platform, string jobId);

    [LoggerMessage(2111, LogLevel.Information, "Job {JobId} stage {Stage}")]
    public static partial void Stage(ILogger logger, string jobId, string stage);

    [LoggerMessage(2112, LogLevel.Warning, "Queue:MaxPendingPerGuild is the old name of Queue:MaxPendingPerTenant; it is read this time, please rename it")]
    public static partial void OldPendingKey(ILogger logger);

    [LoggerMessage(2113, LogLevel.Error, "Job store unavailable; {Platform} request {Key} turned away: {Detail}")]
    public static partial void StoreUnavailable(ILogger logger, string platform, string key, string detail);

    [LoggerMessage(2114, LogLevel.Error, "Job {JobId} was interrupted {Times} times (the process died or lost its lease); failed instead of resumed again")]
    public static partial void CrashLoop(ILogger logger, string jobId, int times);

    [LoggerMessage(2115, LogLevel.Warning, "Job {JobId}: storing its end failed (try {Try}), trying again: {Type}: {Message}")]
    public static partial void FinishRetried(ILogger logger, string jobId, int @try, string type, string message);

    [LoggerMessage(2116, LogLevel.Error, "Job {JobId}: its end could not be stored; it resumes on the next start: {Type}: {Message}")]
    public static partial void FinishLost(ILogger logger, string jobId, string type, string message);

    [LoggerMessage(2117, LogLevel.Information, "Deleted {Count} job folder(s) a previous process left in {Path}")]
    public static partial void LeftoversDeleted(ILogger logger, int count, string path);

    [LoggerMessage(2150, LogLevel.Information, "Job {JobId}: its transcript, answers and page were deleted on request")]
    public static partial void Deleted(ILogger logger, string jobId);
}

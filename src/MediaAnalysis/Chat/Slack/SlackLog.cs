using MediaAnalysis.Chat.Slack.Inbound;

namespace MediaAnalysis.Chat.Slack;

// Event ids 4000-4099. Methods and hosts only: never tokens, signatures, message text, transcripts or answers.
public static partial class SlackLog
{
    [LoggerMessage(4000, LogLevel.Warning, "Slack {Method} failed: {Error}")]
    public static partial void RequestFailed(ILogger logger, string method, string error);

    [LoggerMessage(4001, LogLevel.Warning, "Slack {Method} rate limited: retry after {Seconds:0.00} s, try {Attempt}")]
    public static partial void RateLimited(ILogger logger, string method, double seconds, int attempt);

    [LoggerMessage(4002, LogLevel.Warning, "Slack {Method} answered {Status} on try {Attempt}; retrying in {Seconds:0.00} s")]
    public static partial void ServerError(ILogger logger, string method, int status, int attempt, double seconds);

    [LoggerMessage(4003, LogLevel.Warning, "Slack {Method} failed on try {Attempt}: {Detail}")]
    public static partial void NetworkError(ILogger logger, string method, int attempt, string detail);

    [LoggerMessage(4004, LogLevel.Debug, "Slack {Method} answered {Status} in {Milliseconds:0} ms")]
    public static partial void RequestDone(ILogger logger, string method, int status, double milliseconds);

    [LoggerMessage(4005, LogLevel.Warning, "Slack {Method} warned: {Warning}")]
    public static partial void ResponseWarning(ILogger logger, string method, string warning);

    [LoggerMessage(4006, LogLevel.Debug, "Slack channel {Channel}: waiting {Seconds:0.00} s before the next post")]
    public static partial void PacerWait(ILogger logger, string channel, double seconds);

    [LoggerMessage(4007, LogLevel.Information, "Slack upload URL is on {Host}, not a Slack host: sending the bytes without the bot token")]
    public static partial void UploadWithoutToken(ILogger logger, string host);

    [LoggerMessage(4008, LogLevel.Debug, "Slack file {FileId} uploaded ({Bytes} bytes) and shared in {Channel}")]
    public static partial void FileShared(ILogger logger, string fileId, long bytes, string channel);

    [LoggerMessage(4010, LogLevel.Warning, "Slack request to {Path} rejected: {Outcome}")]
    public static partial void SignatureRejected(ILogger logger, string path, SlackVerification outcome);

    [LoggerMessage(4011, LogLevel.Information, "Slack retry {RetryNum} ({RetryReason}) of event {EventId}")]
    public static partial void EventRetry(ILogger logger, string retryNum, string? retryReason, string? eventId);

    [LoggerMessage(4012, LogLevel.Warning, "Slack job {JobId}: could not read its thread for answers already posted ({Error}); posting what the store has not marked")]
    public static partial void ThreadReadFailed(ILogger logger, string jobId, string error);

    [LoggerMessage(4013, LogLevel.Information, "Slack job {JobId}: {Parts} part(s) of an answer already in the thread, not posted again")]
    public static partial void AnswerAlreadyPosted(ILogger logger, string jobId, int parts);
}

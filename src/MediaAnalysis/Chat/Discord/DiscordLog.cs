
namespace MediaAnalysis.Chat.Discord;

// Event ids 3000-3099. Routes are logged as templates ("{token}"), never with the interaction token or bot token.
public static partial class DiscordLog
{
    [LoggerMessage(3000, LogLevel.Warning, "Discord {Route} answered {Status} (code {Code}): {DiscordMessage}")]
    public static partial void RequestFailed(ILogger logger, string route, int status, int? code, string? discordMessage);

    [LoggerMessage(3001, LogLevel.Warning, "Discord {Route} rate limited (bucket {Bucket}, scope {Scope}, global {Global}): retry after {Seconds:0.00} s, try {Attempt}")]
    public static partial void RateLimited(ILogger logger, string route, string? bucket, string? scope, bool global, double seconds, int attempt);

    [LoggerMessage(3002, LogLevel.Warning, "Discord {Route} answered {Status} on try {Attempt}; retrying in {Seconds:0.00} s")]
    public static partial void ServerError(ILogger logger, string route, int status, int attempt, double seconds);

    [LoggerMessage(3003, LogLevel.Warning, "Discord {Route} failed on try {Attempt}: {Detail}")]
    public static partial void NetworkError(ILogger logger, string route, int attempt, string detail);

    [LoggerMessage(3004, LogLevel.Debug, "Discord {Route}: bucket exhausted, waiting {Seconds:0.00} s")]
    public static partial void BucketWait(ILogger logger, string route, double seconds);

    [LoggerMessage(3005, LogLevel.Warning, "Discord global rate limit: pausing bot requests for {Seconds:0.00} s")]
    public static partial void GlobalPause(ILogger logger, double seconds);

    [LoggerMessage(3006, LogLevel.Error, "Discord {Route} answered {Status} without JSON: likely a Cloudflare block for too many invalid requests")]
    public static partial void CloudflareBlock(ILogger logger, string route, int status);

    [LoggerMessage(3007, LogLevel.Debug, "Discord {Route} answered {Status} in {Milliseconds:0} ms")]
    public static partial void RequestDone(ILogger logger, string route, int status, double milliseconds);

    [LoggerMessage(3010, LogLevel.Warning, "Discord interaction rejected: bad or missing signature")]
    public static partial void SignatureRejected(ILogger logger);

    [LoggerMessage(3011, LogLevel.Information, "Discord interaction {InteractionId}: {Outcome}")]
    public static partial void InteractionQueued(ILogger logger, string interactionId, string outcome);

    [LoggerMessage(3012, LogLevel.Warning, "Job {JobId}: no thread in channel {ChannelId} ({Reason}); answers go to the channel")]
    public static partial void NoThread(ILogger logger, string jobId, string channelId, string reason);

    [LoggerMessage(3013, LogLevel.Information, "Job {JobId}: the interaction token expired; editing the status with the bot token")]
    public static partial void TokenExpired(ILogger logger, string jobId);

    [LoggerMessage(3014, LogLevel.Warning, "Job {JobId}: could not learn the status message's id ({Detail}); after 15 minutes its status cannot be edited")]
    public static partial void StatusMessageUnknown(ILogger logger, string jobId, string detail);

    [LoggerMessage(3015, LogLevel.Warning, "Job {JobId}: could not tell the asker it ended ({Detail})")]
    public static partial void NotifyFailed(ILogger logger, string jobId, string detail);

    [LoggerMessage(3016, LogLevel.Information, "Interaction {InteractionId}: refused by the access rules of guild {Guild}")]
    public static partial void AccessRefused(ILogger logger, string interactionId, string guild);

    [LoggerMessage(3050, LogLevel.Information, "Job {JobId}: delete by {User} refused (neither the asker nor a server manager)")]
    public static partial void DeleteRefused(ILogger logger, string jobId, string user);
}

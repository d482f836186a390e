
namespace MediaAnalysis.Chat.Slack.Inbound;

// Event ids 4050-4059: the endpoints and the queue glue.
public static partial class SlackFlowLog
{
    [LoggerMessage(4051, LogLevel.Information, "Slack {Source} for {Team}/{Channel}: {Outcome}")]
    public static partial void Queued(ILogger logger, string source, string team, string channel, string outcome);

    [LoggerMessage(4052, LogLevel.Warning, "Slack follow-up failed: {Error}")]
    public static partial void FollowUpFailed(ILogger logger, string error);

    [LoggerMessage(4053, LogLevel.Information, "Slack link into {Channel} refused: {Reason}")]
    public static partial void LinkRefused(ILogger logger, string channel, string reason);

    [LoggerMessage(4054, LogLevel.Warning, "Slack files.info for {FileId} failed: {Error}")]
    public static partial void FileInfoFailed(ILogger logger, string fileId, string error);

    [LoggerMessage(4055, LogLevel.Information, "Slack cancel or delete of job {JobId} by {User} refused: {Reason}")]
    public static partial void CancelRefused(ILogger logger, string jobId, string user, string reason);

    [LoggerMessage(4056, LogLevel.Information, "Slack {Source} for {Team}/{Channel} refused by the workspace's access rules")]
    public static partial void AccessRefused(ILogger logger, string source, string team, string channel);
}

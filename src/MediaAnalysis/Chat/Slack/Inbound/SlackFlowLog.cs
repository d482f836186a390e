
namespace MediaAnalysis.Chat.Slack.Inbound;

// Event ids 4050-4059: the endpoints and the queue glue.
public static partial class SlackFlowLog
{
    [LoggerMessage(4051, LogLevel.Information, "Slack {Source} for {Team}/{Channel}: {Outcome}")]
    public static partial void Queued(ILogger logger, string source, string team, string channel, string outcome);

    [LoggerMessage(4052, LogLevel.Warning, "Slack follow-up failed: {Error}")]
    public static partial void FollowUpFailed(ILogger logger, string error);
}

using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Chat.Slack.Rendering;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;

namespace MediaAnalysis.Chat.Slack.Inbound;

// A click on a status message's Cancel or Delete button (Slack asked "are you sure?" first). Only a job of the
// clicker's own workspace, and only the person who asked for it or a workspace admin or owner (users.info), may
// cancel it or delete its results; anyone else is told so, privately.
public sealed class SlackCancels(JobQueue queue, SlackApiClient api, SlackRequests requests, ILogger<SlackCancels> logger)
{
    public const string Unknown = "That job is no longer known.";

    // A block_actions payload's buttons: Cancel and Delete act; any other (a link button) is left alone.
    public async Task ClickedAsync(IEnumerable<BlockAction> actions, string team, string channel, string user, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            if (SlackRenderer.CancelledJobId(action) is { } cancelled)
            {
                await CancelAsync(cancelled, team, channel, user, threadTs, cancellationToken);
            }
            else if (SlackStatusButtons.DeletedJobId(action) is { } deleted)
            {
                await DeleteAsync(deleted, team, channel, user, threadTs, cancellationToken);
            }
        }
    }

    public async Task CancelAsync(string jobId, string team, string channel, string user, string? threadTs, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(jobId, team, channel, user, threadTs, "cancel this", cancellationToken) is not null)
        {
            await queue.CancelAsync(jobId, $"<@{user}>", cancellationToken);
        }
    }

    // Two clicks delete once: the second is told the results are gone already.
    public async Task DeleteAsync(string jobId, string team, string channel, string user, string? threadTs, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(jobId, team, channel, user, threadTs, "delete these results", cancellationToken) is null)
        {
            return;
        }
        var outcome = await queue.DeleteAsync(jobId, $"<@{user}>", cancellationToken);
        if (outcome != DeleteOutcome.Deleted)
        {
            requests.TellLater(channel, user, outcome == DeleteOutcome.NotFinished
                ? "That job is still running; cancel it first."
                : "Those results were deleted already.", threadTs);
        }
    }

    private async Task<JobRecord?> AllowedAsync(string jobId, string team, string channel, string user, string? threadTs, string what, CancellationToken cancellationToken)
    {
        var job = await queue.GetAsync(jobId, cancellationToken);
        if (job is null || job.Platform != SlackReplier.PlatformName || job.Tenant != team)
        {
            // Another workspace's job (or none): say nothing about it.
            SlackFlowLog.CancelRefused(logger, jobId, user, job is null ? "unknown job" : "another workspace's job");
            requests.TellLater(channel, user, Unknown, threadTs);
            return null;
        }
        if (job.RequesterId != user && !await IsAdminAsync(user, cancellationToken))
        {
            SlackFlowLog.CancelRefused(logger, jobId, user, "neither the requester nor an admin");
            requests.TellLater(channel, user, $"Only <@{job.RequesterId}>, who asked for it, or a workspace admin can {what}.", threadTs);
            return null;
        }
        return job;
    }

    private async Task<bool> IsAdminAsync(string user, CancellationToken cancellationToken)
    {
        try
        {
            return (await api.GetUserAsync(user, cancellationToken)).IsWorkspaceAdmin;
        }
        catch (SlackApiException ex)
        {
            // Without users:read (an app not reinstalled since) only the requester may cancel or delete.
            SlackFlowLog.FollowUpFailed(logger, ex.Needed is null ? ex.Error : $"{ex.Error}, needs {ex.Needed}");
            return false;
        }
    }
}

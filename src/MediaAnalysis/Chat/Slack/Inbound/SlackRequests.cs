using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Chat.Slack.Api;

namespace MediaAnalysis.Chat.Slack.Inbound;

// Turns "this video, in this message" into a job, and tells the person what happened.
public sealed class SlackRequests(JobQueue queue, SlackApiClient api, SlackReplier replier, ILogger<SlackRequests> logger)
{
    // Null when all went well and the status message says the rest; else a line for the person.
    // `responseUrl` (shortcuts and commands) reaches the person even where the bot cannot post.
    public async Task<string?> AnalyzeAsync(string source, string team, string channel, string user, string messageTs, string? threadTs, SlackFile file, string? responseUrl, string? language, CancellationToken cancellationToken)
    {
        var url = file.UrlPrivateDownload ?? file.UrlPrivate;
        if (file.Id is null || !Uri.TryCreate(url, UriKind.Absolute, out var video))
        {
            return "Slack didn't give me a download link for that file (is it shared from another workspace?).";
        }
        var state = new SlackJobState { Channel = channel, ThreadTs = threadTs ?? messageTs };
        var (result, status) = await queue.EnqueueAsync(new AnalyzeRequest
        {
            Platform = SlackReplier.PlatformName,
            Tenant = team,
            Channel = channel,
            RequesterId = user,
            RequesterName = user,
            // One analysis per video message: a retried event, the mention and its file_share twin, a second click.
            IdempotencyKey = $"slack:{team}:{channel}:{messageTs}:{file.Id}",
            VideoKey = file.Id,
            VideoUrl = video,
            SourceName = FileNames.Sanitize(file.Name ?? file.Title),
            SizeBytes = file.Size,
            PlatformState = state.Serialize(),
            Language = language,
        }, cancellationToken);
        if (result.Outcome == EnqueueOutcome.StoreUnavailable)
        {
            return IntakeText.StoreUnavailable;
        }
        SlackFlowLog.Queued(logger, source, team, channel, result.Outcome.ToString());
        switch (result.Outcome)
        {
            case EnqueueOutcome.Created:
                // The status message goes into the video's thread now, with the job's place in line.
                var job = result.Job!;
                var context = queue.ReplyContextFor(job);
                Background(async () =>
                {
                    try
                    {
                        await replier.ShowStatusAsync(context, status!, CancellationToken.None);
                    }
                    catch (SlackApiException ex) when (ex.IsChannelUnavailable)
                    {
                        // Nowhere to show the job: stop it, and tell the person how to fix it.
                        await queue.CancelAsync(job.Id, "the bot (it cannot post in this channel)", CancellationToken.None);
                        if (responseUrl is not null)
                        {
                            await api.RespondAsync(responseUrl, ex.Message, ephemeral: true, CancellationToken.None);
                        }
                    }
                });
                return null;
            case EnqueueOutcome.Duplicate or EnqueueOutcome.AlreadyActive:
                return "That video is already being analyzed: see its thread.";
            default:
                return $"This workspace already has {queue.MaxPendingPerTenant} videos waiting; try again when one finishes.";
        }
    }

    // A note only the person sees, sent after the HTTP answer so Slack's 3 seconds are never at risk.
    public void TellLater(string channel, string user, string text) =>
        Background(() => api.PostEphemeralAsync(channel, user, text, CancellationToken.None));

    private void Background(Func<Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            SlackFlowLog.FollowUpFailed(logger, ex is SlackApiException s ? s.Error : ex.GetType().Name);
        }
    });
}

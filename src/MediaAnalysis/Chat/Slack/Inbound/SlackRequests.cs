using System.Collections.Concurrent;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Settings;
using MediaAnalysis.Chat.Slack.Api;

namespace MediaAnalysis.Chat.Slack.Inbound;

// Turns "this video, in this message" into a job, and tells the person what happened.
public sealed class SlackRequests(
    JobQueue queue, SlackApiClient api, SlackReplier replier, ServerSettings settings, TimeProvider time, ILogger<SlackRequests> logger)
{
    // Notes already sent, so a retried event or a mention's file_share twin says its refusal once.
    private static readonly TimeSpan RememberTold = TimeSpan.FromMinutes(30);
    private const int MaxRemembered = 2000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _told = new(StringComparer.Ordinal);

    // Null when all went well and the status message says the rest; else a line for the person.
    public async Task<string?> AnalyzeAsync(SlackAsk ask, SlackFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(file);
        if (await AccessRefusalAsync(ask, cancellationToken) is { } refused)
        {
            return refused;
        }
        var url = file.UrlPrivateDownload ?? file.UrlPrivate;
        if (file.Id is null || !Uri.TryCreate(url, UriKind.Absolute, out var video))
        {
            return "Slack didn't give me a download link for that file (is it shared from another workspace?).";
        }
        var state = new SlackJobState { Channel = ask.Channel, ThreadTs = ask.ThreadTs ?? ask.MessageTs };
        var (result, status) = await queue.EnqueueAsync(new AnalyzeRequest
        {
            Platform = SlackReplier.PlatformName,
            Tenant = ask.Team,
            Channel = ask.Channel,
            RequesterId = ask.User,
            RequesterName = ask.User,
            // A retried event and the mention's file_share twin share a key (one job); a new click or mention
            // has its own, so a video whose job has ended can be analyzed again.
            IdempotencyKey = ask.IdempotencyKey(file.Id),
            // The message and the file: while a job for them is queued or running, asking again points to it.
            VideoKey = $"{ask.Channel}:{ask.MessageTs}:{file.Id}",
            VideoUrl = video,
            SourceName = FileNames.Sanitize(file.Name ?? file.Title),
            SizeBytes = file.Size,
            PlatformState = state.Serialize(),
            Language = ask.Language,
        }, cancellationToken);
        if (result.Outcome == EnqueueOutcome.StoreUnavailable)
        {
            return IntakeText.StoreUnavailable;
        }
        SlackFlowLog.Queued(logger, ask.Source, ask.Team, ask.Channel, result.Outcome.ToString());
        switch (result.Outcome)
        {
            case EnqueueOutcome.Created:
                ShowStatusLater(ask, result.Job!, status!, file);
                return null;
            case EnqueueOutcome.Duplicate:
                // The same delivery again (a Slack retry, the mention's twin): its job already answered.
                return null;
            case EnqueueOutcome.AlreadyActive:
                return await StatusLinkAsync(result.Job!, CancellationToken.None) is { } link
                    ? $"That video is already being analyzed: <{link}|see its status>."
                    : "That video is already being analyzed: see its thread.";
            case EnqueueOutcome.OverLimit:
                return result.Refusal ?? "A limit of this workspace refused the video.";
            default:
                return $"This workspace already has {queue.MaxPendingPerTenant} videos waiting; try again when one finishes.";
        }
    }

    // The workspace's channel rule (its settings); workspace admins and owners always may (users.info, asked only
    // when the rule would refuse). Questions in a video's thread pass the same rule (SlackQuestions).
    public async Task<string?> AccessRefusalAsync(SlackAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        TenantSettings current;
        try
        {
            current = await settings.GetAsync(SlackReplier.PlatformName, ask.Team, cancellationToken);
        }
        catch (SettingsUnavailableException)
        {
            return IntakeText.StoreUnavailable;
        }
        const string Managers = "Workspace admins and owners";
        if (AccessRules.Refusal(current, ask.Channel, [], manager: false, Managers) is null)
        {
            return null;
        }
        bool admin;
        try
        {
            admin = (await api.GetUserAsync(ask.User, cancellationToken)).IsWorkspaceAdmin;
        }
        catch (SlackApiException ex)
        {
            SlackFlowLog.FollowUpFailed(logger, ex.Error);
            admin = false;
        }
        var refusal = AccessRules.Refusal(current, ask.Channel, [], admin, Managers);
        if (refusal is not null)
        {
            SlackFlowLog.AccessRefused(logger, ask.Source, ask.Team, ask.Channel);
        }
        return refusal;
    }

    // The status message goes into the video's thread now, with the job's place in line; then a shortcut or a
    // command hears privately where it is.
    private void ShowStatusLater(SlackAsk ask, JobRecord job, JobStatus status, SlackFile file)
    {
        var context = queue.ReplyContextFor(job);
        Background(async () =>
        {
            try
            {
                await replier.ShowStatusAsync(context, status, CancellationToken.None);
            }
            catch (SlackApiException ex) when (ex.IsChannelUnavailable)
            {
                // Nowhere to show the job: stop it, and tell the person how to fix it.
                await queue.CancelAsync(job.Id, "the bot (it cannot post in this channel)", CancellationToken.None);
                if (ask.ResponseUrl is not null)
                {
                    await api.RespondAsync(ask.ResponseUrl, ex.Message, ephemeral: true, CancellationToken.None);
                }
                return;
            }
            if (ask.ResponseUrl is not null && await StatusLinkAsync(job, CancellationToken.None) is { } link)
            {
                var name = FileNames.Sanitize(file.Name ?? file.Title);
                await api.RespondAsync(ask.ResponseUrl, $"Analyzing {Rendering.SlackText.Escape(name)}: <{link}|follow along in its thread>.", ephemeral: true, CancellationToken.None);
            }
        });
    }

    // A link to the job's status message (or, before it is posted, to the video message).
    private async Task<string?> StatusLinkAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var stored = await queue.GetAsync(job.Id, cancellationToken) ?? job;
        var state = SlackJobState.Parse(stored.PlatformState);
        try
        {
            return await api.GetPermalinkAsync(state.Channel, state.StatusTs ?? state.ThreadTs, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            SlackFlowLog.FollowUpFailed(logger, ex.Error);
            return null;
        }
    }

    // A note only the person sees, sent after the HTTP answer so Slack's 3 seconds are never at risk. With `once`
    // (the message it is about), the same note about the same message is sent only once.
    public void TellLater(string channel, string user, string text, string? threadTs = null, string? once = null)
    {
        if (once is not null && !FirstTime($"{once}:{user}:{text}"))
        {
            return;
        }
        Background(() => api.PostEphemeralAsync(channel, user, text, threadTs, CancellationToken.None));
    }

    private bool FirstTime(string key)
    {
        var now = time.GetUtcNow();
        if (_told.Count > MaxRemembered)
        {
            foreach (var (old, at) in _told)
            {
                if (now - at > RememberTold)
                {
                    _told.TryRemove(old, out _);
                }
            }
        }
        var first = false;
        _told.AddOrUpdate(key, _ => { first = true; return now; }, (_, at) =>
        {
            first = now - at > RememberTold;
            return first ? now : at;
        });
        return first;
    }

    private void Background(Func<Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException or ArgumentException)
        {
            SlackFlowLog.FollowUpFailed(logger, ex is SlackApiException s ? s.Error : ex.GetType().Name);
        }
    });
}

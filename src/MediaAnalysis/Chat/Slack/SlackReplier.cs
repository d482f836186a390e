using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using Microsoft.Extensions.Options;
using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Chat.Slack;

// The job's Slack side: the status message is the first reply in the video's thread, updated in place;
// each answer is a reply in that thread; the transcript is a file there.
public sealed class SlackReplier(SlackApiClient api, IOptions<SlackOptions> options, ILogger<SlackReplier> logger) : IChatReplier
{
    public const string PlatformName = "slack";

    // The first status post must happen once even when the endpoint (queued) and the worker (started) race.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _firstPost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _statusTs = new(StringComparer.Ordinal);
    private readonly SlackAnswerMarks _marks = new(api, logger);

    public string Platform => PlatformName;

    // Slack's files need the bot token, and only Slack's file hosts get it (see SlackFileHosts).
    public IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? DownloadAuthorization { get; } =
        SlackFileHosts.Tokens(options.Value.FilesBaseUrl, options.Value.BotToken);

    public async Task ShowStatusAsync(ReplyContext job, JobStatus status, CancellationToken cancellationToken)
    {
        var state = SlackJobState.Parse(job.PlatformState);
        var content = SlackRenderer.Status(status);
        var gate = _firstPost.GetOrAdd(job.JobId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var ts = state.StatusTs ?? _statusTs.GetValueOrDefault(job.JobId);
            if (ts is null)
            {
                ts = await api.PostMessageAsync(state.Channel, state.ThreadTs, content.Text, content.Blocks, cancellationToken);
                _statusTs[job.JobId] = ts;
                // The latest state (an answer may have marked AnswersBegun meanwhile), with the status's ts.
                await job.SavePlatformStateAsync((SlackJobState.Parse(job.PlatformState) with { StatusTs = ts }).Serialize(), cancellationToken);
            }
            else
            {
                await api.UpdateMessageAsync(state.Channel, ts, content.Text, content.Blocks, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
        if (status.IsFinished)
        {
            _firstPost.TryRemove(job.JobId, out _);
            _statusTs.TryRemove(job.JobId, out _);
            _marks.Forget(job.JobId);
        }
    }

    public async Task PostTranscriptAsync(ReplyContext job, string transcript, CancellationToken cancellationToken)
    {
        var state = SlackJobState.Parse(job.PlatformState);
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(transcript), writable: false);
        await Refusals(() => api.UploadFileAsync(state.Channel, state.ThreadTs, SlackRenderer.TranscriptFileName(job.SourceName),
            $"Transcript of {job.SourceName}", file, file.Length, cancellationToken));
    }

    // Each part carries metadata naming its answer; a resumed job skips the parts its thread already has (the
    // process may have died after a post and before the store marked it).
    public async Task PostAnswerAsync(ReplyContext job, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var state = SlackJobState.Parse(job.PlatformState);
        var posted = await _marks.PostedPartsAsync(job.JobId, state, outcome, cancellationToken);
        if (posted.Count > 0)
        {
            SlackLog.AnswerAlreadyPosted(logger, job.JobId, posted.Count);
        }
        if (!state.AnswersBegun)
        {
            await MarkAnswersBegunAsync(job, cancellationToken);
        }
        var messages = SlackRenderer.Answers(outcome);
        for (var part = 0; part < messages.Count; part++)
        {
            if (posted.Contains(part))
            {
                continue;
            }
            var message = messages[part];
            var metadata = SlackAnswerMarks.For(job.JobId, outcome, part);
            await Refusals(() => api.PostMessageAsync(state.Channel, state.ThreadTs, message.Text, message.Blocks, metadata, cancellationToken));
            _marks.Record(job.JobId, outcome, part);
        }
    }

    // Under the status's gate: after a first status post still in flight (answers follow the status), and
    // without losing its ts when this context was read before the status was saved.
    private async Task MarkAnswersBegunAsync(ReplyContext job, CancellationToken cancellationToken)
    {
        var gate = _firstPost.GetOrAdd(job.JobId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var latest = SlackJobState.Parse(job.PlatformState);
            if (!latest.AnswersBegun)
            {
                var statusTs = latest.StatusTs ?? _statusTs.GetValueOrDefault(job.JobId);
                await job.SavePlatformStateAsync((latest with { AnswersBegun = true, StatusTs = statusTs }).Serialize(), cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task PostVerdictAsync(ReplyContext job, ModelOutcome verdict, CancellationToken cancellationToken)
    {
        var state = SlackJobState.Parse(job.PlatformState);
        var message = SlackVerdictRenderer.Verdict(verdict);
        await Refusals(() => api.PostMessageAsync(state.Channel, state.ThreadTs, message.Text, message.Blocks, cancellationToken));
    }

    // A threaded reply that mentions the asker, once: recorded before it is posted, since Slack has no key that
    // would make a second post after a restart return the first.
    public async Task NotifyEndAsync(ReplyContext job, JobStatus final, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(final);
        var state = SlackJobState.Parse(job.PlatformState);
        if (state.Notified || !final.IsFinished)
        {
            return;
        }
        await job.SavePlatformStateAsync((state with { Notified = true }).Serialize(), cancellationToken);
        var text = $"{SlackText.Mention(job.RequesterId)} {StatusText.Closing(final, $"*{SlackText.Name(job.SourceName, 100)}*")}";
        await api.PostMessageAsync(state.Channel, state.ThreadTs, text, null, cancellationToken);
    }

    // A channel the bot may no longer post in ends the job with Slack's reason in words, not a stack trace.
    private static async Task Refusals(Func<Task> post)
    {
        try
        {
            await post();
        }
        catch (SlackApiException ex) when (ex.IsChannelUnavailable || ex.IsAuthFailure)
        {
            throw new AnalysisFailedException(FailureKind.ReplyFailed, ex.Message, ex);
        }
    }
}

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
public sealed class SlackReplier(SlackApiClient api, IOptions<SlackOptions> options) : IChatReplier
{
    public const string PlatformName = "slack";

    // The first status post must happen once even when the endpoint (queued) and the worker (started) race.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _firstPost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _statusTs = new(StringComparer.Ordinal);

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
                await job.SavePlatformStateAsync((state with { StatusTs = ts }).Serialize(), cancellationToken);
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
        }
    }

    public async Task PostTranscriptAsync(ReplyContext job, string transcript, CancellationToken cancellationToken)
    {
        var state = SlackJobState.Parse(job.PlatformState);
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(transcript), writable: false);
        await Refusals(() => api.UploadFileAsync(state.Channel, state.ThreadTs, SlackRenderer.TranscriptFileName(job.SourceName),
            $"Transcript of {job.SourceName}", file, file.Length, cancellationToken));
    }

    public async Task PostAnswerAsync(ReplyContext job, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        var state = SlackJobState.Parse(job.PlatformState);
        foreach (var message in SlackRenderer.Answers(outcome))
        {
            await Refusals(() => api.PostMessageAsync(state.Channel, state.ThreadTs, message.Text, message.Blocks, cancellationToken));
        }
    }

    public async Task PostVerdictAsync(ReplyContext job, ModelOutcome verdict, CancellationToken cancellationToken)
    {
        var state = SlackJobState.Parse(job.PlatformState);
        var message = SlackRenderer.Verdict(verdict);
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

using MediaAnalysis.Jobs;
using System.Net.Http.Headers;

namespace MediaAnalysis.Queue;

// The platform's replier for one running job, behind its LeaseFence: a post from a process that lost the job
// throws LeaseLostException instead of going out; a status edit is dropped.
public sealed class FencedReplier(IChatReplier inner, LeaseFence fence) : IChatReplier
{
    public string Platform => inner.Platform;

    public IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? DownloadAuthorization => inner.DownloadAuthorization;

    public async Task ShowStatusAsync(ReplyContext job, JobStatus status, CancellationToken cancellationToken)
    {
        if (await fence.HoldsAsync())
        {
            await inner.ShowStatusAsync(job, status, cancellationToken);
        }
    }

    public async Task PostTranscriptAsync(ReplyContext job, string transcript, CancellationToken cancellationToken)
    {
        await fence.EnsureAsync();
        await inner.PostTranscriptAsync(job, transcript, cancellationToken);
    }

    public async Task PostAnswerAsync(ReplyContext job, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        await fence.EnsureAsync();
        await inner.PostAnswerAsync(job, outcome, cancellationToken);
    }

    public async Task PostVerdictAsync(ReplyContext job, ModelOutcome verdict, CancellationToken cancellationToken)
    {
        await fence.EnsureAsync();
        await inner.PostVerdictAsync(job, verdict, cancellationToken);
    }

    public async Task NotifyEndAsync(ReplyContext job, JobStatus final, CancellationToken cancellationToken)
    {
        if (await fence.HoldsAsync())
        {
            await inner.NotifyEndAsync(job, final, cancellationToken);
        }
    }
}

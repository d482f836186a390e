using System.Net.Http.Headers;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;

namespace MediaAnalysis.Tests.Support;

// The test adapter: a chat platform that remembers everything it was asked to show or post.
public sealed class RecordingReplier : IChatReplier
{
    private readonly Lock _gate = new();
    private readonly List<Posted> _posts = [];
    private readonly List<string> _notified = [];
    private readonly List<(string JobId, JobStatus Status)> _statuses = [];

    public string Platform => "test";

    public IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? DownloadAuthorization => null;

    private readonly List<string> _transcripts = [];

    // The transcript files' text, in the order posted.
    public IReadOnlyList<string> Transcripts
    {
        get
        {
            lock (_gate)
            {
                return [.. _transcripts];
            }
        }
    }

    public IReadOnlyList<Posted> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    public IReadOnlyList<JobStatus> StatusesOf(string jobId)
    {
        lock (_gate)
        {
            return [.. _statuses.Where(s => s.JobId == jobId).Select(s => s.Status)];
        }
    }

    public Task ShowStatusAsync(ReplyContext job, JobStatus status, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _statuses.Add((job.JobId, status));
        }
        return Task.CompletedTask;
    }

    public Task PostTranscriptAsync(ReplyContext job, string transcript, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _posts.Add(new Posted(job.JobId, "transcript", null, null));
            _transcripts.Add(transcript);
        }
        return Task.CompletedTask;
    }

    public Task PostAnswerAsync(ReplyContext job, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _posts.Add(new Posted(job.JobId, "answer", outcome.Prompt, outcome.Model));
        }
        return Task.CompletedTask;
    }

    private readonly List<ModelOutcome> _verdicts = [];

    // The panel verdicts posted, in order (each is also a "verdict" entry in Posts).
    public IReadOnlyList<ModelOutcome> Verdicts
    {
        get
        {
            lock (_gate)
            {
                return [.. _verdicts];
            }
        }
    }

    public Task PostVerdictAsync(ReplyContext job, ModelOutcome verdict, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _posts.Add(new Posted(job.JobId, "verdict", verdict.Prompt, verdict.Model));
            _verdicts.Add(verdict);
        }
        return Task.CompletedTask;
    }

    // Jobs whose asker was told of the end, in order.
    public IReadOnlyList<string> Notified
    {
        get
        {
            lock (_gate)
            {
                return [.. _notified];
            }
        }
    }

    public Task NotifyEndAsync(ReplyContext job, JobStatus final, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _notified.Add(job.JobId);
        }
        return Task.CompletedTask;
    }

    public sealed record Posted(string JobId, string Kind, string? Prompt, string? Model);
}

using System.Net.Http.Headers;
using System.Text.Json;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;

namespace MediaAnalysis.TestHost;

// Appends one JSON line per post, flushed to disk before returning, so a killed process loses nothing it posted.
// Answers are keyed by job, prompt and model the way Discord keys a channel message by its nonce (enforce_nonce):
// a second post of the same answer (a restart after a kill between the post and its "posted" mark) returns the
// first instead of adding a line.
public sealed class FileReplier(string path) : IChatReplier
{
    private readonly Lock _gate = new();

    public string Platform => "test";

    public IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? DownloadAuthorization => null;

    public Task ShowStatusAsync(ReplyContext job, JobStatus status, CancellationToken cancellationToken)
    {
        Append(new Line(job.JobId, "status", null, null, status.State.ToString(), status.Note));
        return Task.CompletedTask;
    }

    public Task PostTranscriptAsync(ReplyContext job, string transcript, CancellationToken cancellationToken)
    {
        Append(new Line(job.JobId, "transcript", null, null, null, null));
        return Task.CompletedTask;
    }

    public Task PostAnswerAsync(ReplyContext job, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        var line = new Line(job.JobId, "answer", outcome.Prompt, outcome.Model, null, null);
        lock (_gate)
        {
            if (!File.Exists(path) || !File.ReadLines(path).Select(l => JsonSerializer.Deserialize(l, TestHostJsonContext.Default.Line)).Contains(line))
            {
                Append(line);
            }
        }
        return Task.CompletedTask;
    }

    public Task PostVerdictAsync(ReplyContext job, ModelOutcome verdict, CancellationToken cancellationToken)
    {
        Append(new Line(job.JobId, "verdict", verdict.Prompt, verdict.Model, null, null));
        return Task.CompletedTask;
    }

    public Task NotifyEndAsync(ReplyContext job, JobStatus final, CancellationToken cancellationToken)
    {
        Append(new Line(job.JobId, "notify", null, null, final.State.ToString(), null));
        return Task.CompletedTask;
    }

    private void Append(Line line)
    {
        lock (_gate)
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            JsonSerializer.Serialize(file, line, TestHostJsonContext.Default.Line);
            file.WriteByte((byte)'\n');
            file.Flush(flushToDisk: true);
        }
    }

    public sealed record Line(string JobId, string Kind, string? Prompt, string? Model, string? State, string? Note);
}

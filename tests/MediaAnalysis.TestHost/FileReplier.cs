using System.Net.Http.Headers;
using System.Text.Json;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;

namespace MediaAnalysis.TestHost;

// Appends one JSON line per post, flushed to disk before returning, so a killed process loses nothing it posted.
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
        Append(new Line(job.JobId, "answer", outcome.Prompt, outcome.Model, null, null));
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

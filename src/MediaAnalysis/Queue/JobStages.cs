using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Transcription;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// The one orchestrator of a job's stages, and the one place that decides what a resumed job skips: a stored
// transcript skips the download, extraction and transcription; stored answers are not asked again; what was
// posted is not posted again. Every stage's result is stored as it comes, so the next attempt can resume.
public sealed class JobStages(
    AnalysisPipeline pipeline,
    IJobStore store,
    IOptions<AnalysisOptions> analysis,
    AppMetrics metrics,
    TimeProvider time,
    ILogger<JobStages> logger)
{
    private IReadOnlyList<string> Prompts => [.. analysis.Value.EffectivePrompts.Select(p => p.Name)];

    private IReadOnlyList<string> Models => analysis.Value.EffectiveModels;

    // What the status message shows before any stage runs: what a previous attempt already did.
    public JobStatus InitialStatus(JobRecord job, IReadOnlyList<StoredAnswer> stored)
    {
        ArgumentNullException.ThrowIfNull(job);
        return stored.Aggregate(JobStatus.From(job, Prompts, Models), (s, a) => s.WithOutcome(a.Outcome)) with
        {
            State = JobState.Running,
            Note = job.Attempts > 1 ? "The bot restarted; picking up where it left off." : null,
            Words = job.Transcript is { } t ? new Transcript(t, 0, null, null).WordCount : null,
        };
    }

    public async Task<(JobState State, string? Note)> RunAsync(
        JobRecord job,
        IChatReplier replier,
        ReplyContext context,
        StatusReporter status,
        IReadOnlyList<StoredAnswer> stored,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(replier);
        using var poster = new AnswerPoster(job.Id, Prompts, Models, stored, replier, context, store);
        var progress = new JobProgress(job.Id, status, store, poster, metrics, time, logger);
        try
        {
            return await RunStagesAsync(job, replier, context, stored, poster, progress, cancellationToken);
        }
        finally
        {
            progress.EndStage();
        }
    }

    private async Task<(JobState, string?)> RunStagesAsync(
        JobRecord job,
        IChatReplier replier,
        ReplyContext context,
        IReadOnlyList<StoredAnswer> stored,
        AnswerPoster poster,
        JobProgress progress,
        CancellationToken cancellationToken)
    {
        Transcript transcript;
        if (job.Transcript is { } kept)
        {
            transcript = new Transcript(kept, job.MediaSeconds ?? 0, job.Language, null);
        }
        else
        {
            var source = AnalysisSource.FromUrl(job.VideoUrl, job.SourceName) with { Authorization = replier.DownloadAuthorization };
            (_, transcript) = await pipeline.TranscribeAsync(source, progress, cancellationToken);
            await store.SaveTranscriptAsync(job.Id, transcript.Text, transcript.Language, cancellationToken);
        }
        if (transcript.IsEmpty)
        {
            return (JobState.Failed, "The audio is silent: Deepgram found no words.");
        }
        if (!job.TranscriptPosted)
        {
            await replier.PostTranscriptAsync(context, transcript.Text, cancellationToken);
            await store.MarkTranscriptPostedAsync(job.Id, cancellationToken);
        }

        await poster.PostReadyAsync(cancellationToken);
        var answered = stored.Select(a => (a.Outcome.Prompt, a.Outcome.Model)).ToHashSet();
        await pipeline.AnalyzeAsync(transcript, answered, progress, cancellationToken);
        await poster.PostReadyAsync(cancellationToken);
        return (JobState.Done, null);
    }
}

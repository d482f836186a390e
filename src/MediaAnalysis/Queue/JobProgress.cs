using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Transcription;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// What the pipeline reports, turned into the status message, the job's row, the metrics, and each answer
// stored and posted as its call ends.
public sealed class JobProgress(
    JobRecord job,
    StatusReporter status,
    IJobStore store,
    AnswerPoster poster,
    SpendMeter meter,
    AppMetrics metrics,
    IReadOnlyCollection<string> models,
    TimeProvider time,
    ILogger logger)
    : IAnalysisObserver
{
    private readonly Lock _gate = new();
    private readonly string _jobId = job.Id;
    private AnalysisStage? _stage;
    private long _stageStarted;

    public void StageStarted(AnalysisStage stage)
    {
        EndStage();
        lock (_gate)
        {
            (_stage, _stageStarted) = (stage, time.GetTimestamp());
        }
        status.Update(s => s with { Stage = stage });
        var name = stage.ToString().ToLowerInvariant();
        QueueLog.Stage(logger, _jobId, name);
        Record(store.SetStageAsync(_jobId, name, CancellationToken.None));
    }

    public void MediaReady(MediaInfo media)
    {
        status.Update(s => s with { SizeBytes = media.SizeBytes, MediaDuration = media.Duration });
        Record(store.SaveMediaAsync(_jobId, media.SizeBytes, media.Duration.TotalSeconds, CancellationToken.None));
    }

    public void AudioExtracted(TimeSpan duration, long bytes) => status.Update(s => s with { MediaDuration = duration });

    public void Transcribed(Transcript transcript)
    {
        metrics.Transcribed(TimeSpan.FromSeconds(transcript.DurationSeconds));
        status.Update(s => s with { Language = transcript.Language, LanguageChosen = transcript.LanguageChosen, Words = transcript.WordCount });
    }

    // The 80% notice, when one of this job's calls crossed it (the status shows it from then on).
    public string? BudgetNotice { get; private set; }

    public async Task BillTranscriptAsync(Transcript transcript, CancellationToken cancellationToken) =>
        Notice(await meter.BillTranscriptAsync(job, transcript.DurationSeconds, cancellationToken));

    public async Task ModelFinishedAsync(ModelOutcome outcome, CancellationToken cancellationToken)
    {
        metrics.ModelFinished(outcome);
        // Billed before the answer is stored: a kill in between asks again on resume, and the ledger keeps one row.
        Notice(await meter.BillAnswerAsync(job, outcome, cancellationToken));
        if (outcome is ModelOutcome.Succeeded { UnfoundCitations: > 0 } cited)
        {
            metrics.UnfoundCitations(cited.Model, cited.UnfoundCitations, models);
        }
        status.Update(s => s.WithOutcome(outcome));
        await store.SaveAnswerAsync(_jobId, outcome, cancellationToken);
        await poster.AddAsync(outcome, cancellationToken);
    }

    private void Notice(string? notice)
    {
        if (notice is not null)
        {
            BudgetNotice = notice;
            status.Update(s => s with { Note = notice });
        }
    }

    // The stage under way is over (the next began, or the job ended): its time goes to the metrics.
    public void EndStage()
    {
        AnalysisStage? ended;
        long since;
        lock (_gate)
        {
            (ended, since, _stage) = (_stage, _stageStarted, null);
        }
        if (ended is { } stage)
        {
            metrics.StageDone(stage, time.GetElapsedTime(since).TotalSeconds);
        }
    }

    // Stage and media facts are for the record; a failed write is logged, never fatal.
    private void Record(Task write) => write.ContinueWith(
        t => QueueLog.StatusFailed(logger, _jobId, "store", t.Exception?.GetBaseException().Message ?? ""),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}

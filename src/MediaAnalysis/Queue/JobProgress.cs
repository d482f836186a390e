using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Transcription;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// The pipeline's progress, turned into the status message, the job's row and the metrics.
public sealed class JobProgress(string jobId, StatusReporter status, IJobStore store, AppMetrics metrics, ILogger logger) : IAnalysisProgress
{
    private readonly Lock _gate = new();
    private AnalysisStage? _stage;
    private long _stageStarted;

    public void StageStarted(AnalysisStage stage)
    {
        EndStage();
        lock (_gate)
        {
            (_stage, _stageStarted) = (stage, Environment.TickCount64);
        }
        status.Update(s => s with { Stage = stage });
        var name = stage.ToString().ToLowerInvariant();
        QueueLog.Stage(logger, jobId, name);
        Record(store.SetStageAsync(jobId, name, CancellationToken.None));
    }

    public void MediaReady(MediaInfo media)
    {
        status.Update(s => s with { SizeBytes = media.SizeBytes, MediaDuration = media.Duration });
        Record(store.SaveMediaAsync(jobId, media.SizeBytes, media.Duration.TotalSeconds, CancellationToken.None));
    }

    public void AudioExtracted(TimeSpan duration, long bytes) => status.Update(s => s with { MediaDuration = duration });

    public void Transcribed(Transcript transcript)
    {
        metrics.Transcribed(TimeSpan.FromSeconds(transcript.DurationSeconds));
        status.Update(s => s with { Language = transcript.Language, Words = transcript.WordCount });
    }

    public void ModelFinished(ModelOutcome outcome)
    {
        metrics.ModelFinished(outcome);
        status.Update(s => s.WithOutcome(outcome));
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
            metrics.StageDone(stage, (Environment.TickCount64 - since) / 1000.0);
        }
    }

    // Stage and media facts are for the record; a failed write is logged, never fatal.
    private void Record(Task write) => write.ContinueWith(
        t => QueueLog.StatusFailed(logger, jobId, "store", t.Exception?.GetBaseException().Message ?? ""),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}

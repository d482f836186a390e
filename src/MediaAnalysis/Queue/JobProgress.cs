using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Transcription;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// The pipeline's progress, turned into the status message and the job's row.
public sealed class JobProgress(string jobId, StatusReporter status, IJobStore store, ILogger logger) : IAnalysisProgress
{
    public void StageStarted(AnalysisStage stage)
    {
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

    public void Transcribed(Transcript transcript) =>
        status.Update(s => s with { Language = transcript.Language, Words = transcript.WordCount });

    public void ModelFinished(ModelOutcome outcome) => status.Update(s => s.WithOutcome(outcome));

    // Stage and media facts are for the record; a failed write is logged, never fatal.
    private void Record(Task write) => write.ContinueWith(
        t => QueueLog.StatusFailed(logger, jobId, "store", t.Exception?.GetBaseException().Message ?? ""),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}

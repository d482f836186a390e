using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Tests.Support;

// For tests that run the pipeline directly and look at its result, not its progress.
public sealed class NullProgress : IAnalysisObserver
{
    public void StageStarted(AnalysisStage stage)
    {
    }

    public void MediaReady(MediaInfo media)
    {
    }

    public void AudioExtracted(TimeSpan duration, long bytes)
    {
    }

    public void Transcribed(Transcript transcript)
    {
    }

    public Task ModelFinishedAsync(ModelOutcome outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Pipeline;

// Everything a running analysis reports to its caller: stage changes, media facts, and each model's outcome
// as its call ends. Calls come from several threads during the fan-out; implementations must be thread-safe,
// and only ModelFinishedAsync may take its time (the caller stores and posts the answer there).
public interface IAnalysisObserver
{
    void StageStarted(AnalysisStage stage);

    void MediaReady(MediaInfo media);

    void AudioExtracted(TimeSpan duration, long bytes);

    void Transcribed(Transcript transcript);

    Task ModelFinishedAsync(ModelOutcome outcome, CancellationToken cancellationToken);
}

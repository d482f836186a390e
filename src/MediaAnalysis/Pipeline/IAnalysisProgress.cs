using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Pipeline;

// How a running analysis tells its caller what it is doing. Calls come from several threads
// during the fan-out; implementations must be thread-safe and must not block.
public interface IAnalysisProgress
{
    void StageStarted(AnalysisStage stage);

    void MediaReady(MediaInfo media);

    void AudioExtracted(TimeSpan duration, long bytes);

    void Transcribed(Transcript transcript);

    void ModelFinished(ModelOutcome outcome);
}

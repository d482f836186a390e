namespace MediaAnalysis.Pipeline;

public enum AnalysisStage
{
    Downloading,
    Probing,
    Extracting,
    Transcribing,
    Analyzing,
}

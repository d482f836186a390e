namespace MediaAnalysis.Jobs;

public enum AnalysisStage
{
    Downloading,
    Probing,
    Extracting,
    Transcribing,
    Analyzing,
}

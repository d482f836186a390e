namespace MediaAnalysis.Jobs;

public enum CallState
{
    Waiting,
    Succeeded,
    Failed,
}

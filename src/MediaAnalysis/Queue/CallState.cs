namespace MediaAnalysis.Queue;

public enum CallState
{
    Waiting,
    Succeeded,
    Failed,
}

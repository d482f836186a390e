namespace MediaAnalysis.Queue;

public enum JobState
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
    TimedOut,
}

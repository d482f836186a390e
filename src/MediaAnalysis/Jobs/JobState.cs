namespace MediaAnalysis.Jobs;

public enum JobState
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
    TimedOut,
}

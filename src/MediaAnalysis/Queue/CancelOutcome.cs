namespace MediaAnalysis.Queue;

public enum CancelOutcome
{
    NotFound,
    AlreadyFinished,
    // It was queued and is now cancelled.
    Cancelled,
    // It is running; it stops within moments and reports itself cancelled.
    Cancelling,
}

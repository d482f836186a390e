namespace MediaAnalysis.Queue;

public enum DeleteOutcome
{
    // No such job (or it was deleted before).
    NotFound,
    // Still queued or running: Cancel first.
    NotFinished,
    // Deleted now, by this call.
    Deleted,
    // Another click deleted it between this one's look-up and its delete.
    AlreadyDeleted,
}

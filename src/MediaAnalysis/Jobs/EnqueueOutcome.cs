namespace MediaAnalysis.Jobs;

public enum EnqueueOutcome
{
    Created,
    // The same delivery again (same idempotency key): nothing new was made.
    Duplicate,
    // The same person already has this video queued or running.
    AlreadyActive,
    // The tenant has Queue:MaxPendingPerTenant jobs waiting.
    QueueFull,
    // A limit refused it before anything was made (the server's month is used up, the member's jobs for the day):
    // EnqueueResult.Refusal says what is left and when it resets.
    OverLimit,
    // The job store could not be reached: nothing was made, and the person is asked to try later.
    StoreUnavailable,
}

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
}

namespace MediaAnalysis.Jobs;

public sealed record EnqueueResult(EnqueueOutcome Outcome, JobRecord? Job)
{
    // OverLimit: the line for the person (private), saying what is left and when it resets.
    public string? Refusal { get; init; }

    // A new job's place in its tenant's line, when the store learned it as it accepted (null: ask the store).
    public int? QueuePosition { get; init; }
}

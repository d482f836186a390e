namespace MediaAnalysis.Jobs;

public sealed record EnqueueResult(EnqueueOutcome Outcome, JobRecord? Job)
{
    // OverLimit: the line for the person (private), saying what is left and when it resets.
    public string? Refusal { get; init; }
}

namespace MediaAnalysis.Jobs;

public sealed record EnqueueResult(EnqueueOutcome Outcome, JobRecord? Job);

namespace MediaAnalysis.Storage;

public sealed record EnqueueResult(EnqueueOutcome Outcome, JobRecord? Job);

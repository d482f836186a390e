namespace MediaAnalysis.Jobs;

public sealed record StoredAnswer(ModelOutcome Outcome, bool Posted);

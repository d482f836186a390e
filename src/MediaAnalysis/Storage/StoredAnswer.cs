using MediaAnalysis.Pipeline.Analysis;

namespace MediaAnalysis.Storage;

public sealed record StoredAnswer(ModelOutcome Outcome, bool Posted);

namespace MediaAnalysis.Jobs;

// An expected failure of one job. Message is one line for the person who asked; no stack trace is shown.
public sealed class AnalysisFailedException(FailureKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;
}

namespace MediaAnalysis.Jobs;

// One prompt variant asked of one model. Closed: Succeeded or Failed; a failure never fails the job.
public abstract record ModelOutcome(string Prompt, string Model, TimeSpan Elapsed, int Attempts)
{
    public sealed record Succeeded(
        string Prompt,
        string Model,
        TimeSpan Elapsed,
        int Attempts,
        string Answer,
        string? ServedBy,
        int? PromptTokens,
        int? CompletionTokens,
        decimal? Cost) : ModelOutcome(Prompt, Model, Elapsed, Attempts)
    {
        // Cited moments the transcript does not have, marked in Answer before it is posted.
        public int UnfoundCitations { get; init; }
    }

    public sealed record Failed(
        string Prompt,
        string Model,
        TimeSpan Elapsed,
        int Attempts,
        string Reason,
        int? Status) : ModelOutcome(Prompt, Model, Elapsed, Attempts);
}

namespace MediaAnalysis.Jobs;

// A follow-up question's answer as posted: Text is the answer with its [m:ss] citations checked, or
// NotInVideo when the transcript does not support one; the usage for the footer and the ledger.
public sealed record QuestionAnswer(
    string Text,
    bool Supported,
    IReadOnlyList<string> Moments,
    string Model,
    TimeSpan Elapsed,
    int? PromptTokens,
    int? CompletionTokens,
    decimal? Cost)
{
    public const string NotInVideo = "The video doesn't say.";

    // Cited moments the transcript does not have, marked in Text.
    public int UnfoundCitations { get; init; }
}

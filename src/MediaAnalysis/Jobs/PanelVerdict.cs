namespace MediaAnalysis.Jobs;

// The seventh post: where the six answers agree, where they disagree (naming the models) and what only one noticed.
// Stored as an answer of the job under the reserved prompt name Prompt, its body the document PanelVerdictJson writes,
// so that it is kept, marked posted and deleted by retention exactly as the answers are.
public sealed record PanelVerdict(
    IReadOnlyList<string> Agreements,
    IReadOnlyList<VerdictDisagreement> Disagreements,
    IReadOnlyList<VerdictClaim> UniquePoints)
{
    // No prompt variant may take this name (AnalysisOptions checks), so the verdict never collides with an answer.
    public const string Prompt = "Panel verdict";

    public static bool Is(ModelOutcome outcome) =>
        string.Equals(outcome?.Prompt, Prompt, StringComparison.Ordinal);

    public bool IsEmpty => Agreements.Count == 0 && Disagreements.Count == 0 && UniquePoints.Count == 0;
}

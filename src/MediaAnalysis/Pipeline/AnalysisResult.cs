using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Pipeline;

// Platform-free: the chat adapters and the CLI render this.
public sealed record AnalysisResult(MediaInfo Media, Transcript Transcript, IReadOnlyList<ModelOutcome> Outcomes)
{
    // The panel verdict, when Analysis:Verdict:Enabled: stored like an answer (PanelVerdict.Prompt).
    public ModelOutcome? Verdict { get; init; }

    public bool NoSpeech => Transcript.IsEmpty;

    public int SucceededCount => Outcomes.Count(o => o is ModelOutcome.Succeeded);

    public decimal? TotalCost =>
        Outcomes.Append(Verdict).OfType<ModelOutcome.Succeeded>().Select(o => o.Cost).Aggregate((decimal?)null, (sum, c) => c is null ? sum : (sum ?? 0) + c);
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Web;

// Everything one results page shows, read once from the store (or from a local run). Prompts are the grid's rows,
// models its columns; a cell without an outcome is still waiting. The panel verdict and the follow-up questions are
// sections of their own.
public sealed record ResultPage
{
    public required string SourceName { get; init; }

    public TimeSpan? Length { get; init; }

    public string? Language { get; init; }

    public JobState State { get; init; }

    public string? Note { get; init; }

    public required IReadOnlyList<string> Prompts { get; init; }

    public required IReadOnlyList<string> Models { get; init; }

    public IReadOnlyList<ModelOutcome> Outcomes { get; init; } = [];

    // The panel verdict (stored as an answer under PanelVerdict.Prompt): its own section, never a cell of the grid.
    public ModelOutcome? Verdict { get; init; }

    // Times and speakers for the header and the citations' anchors. A page served from the store holds them without
    // their text (""), which StoredTranscript streams while the transcript section is written.
    public IReadOnlyList<TranscriptParagraph> Paragraphs { get; init; } = [];

    // Follow-up questions answered in the job's thread, oldest first (the store's last ResultPageLoader.MaxQuestions).
    public IReadOnlyList<QuestionExchange> Questions { get; init; } = [];

    // The plain transcript, shown when no paragraphs were kept.
    public string? Transcript { get; init; }

    // The job store's transcript, opened as UTF-8 when the section is written: the TranscriptDocument (true) or the
    // plain text (false). Null for a page made in memory (a local run).
    public Func<bool, CancellationToken, Task<Stream?>>? StoredTranscript { get; init; }

    // The store holds a plain transcript (and no paragraphs) for StoredTranscript to stream.
    public bool HasStoredPlainTranscript { get; init; }

    public bool HasTranscript => Paragraphs.Count > 0 || Transcript is not null || HasStoredPlainTranscript;

    // Where the page asks for news while the job runs (null: a finished or local page, which never asks).
    public string? StateUrl { get; init; }

    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled or JobState.TimedOut;

    public int Speakers => Paragraphs.Select(p => p.Speaker).OfType<int>().Distinct().Count();

    public decimal? TotalCost => Paid.Select(s => s.Cost).OfType<decimal>().DefaultIfEmpty().Sum() is var sum
        && Paid.Any(s => s.Cost is not null) ? sum : null;

    private IEnumerable<ModelOutcome.Succeeded> Paid => Outcomes.Append(Verdict).OfType<ModelOutcome.Succeeded>();

    public ModelOutcome? Outcome(string prompt, string model) =>
        Outcomes.FirstOrDefault(o => o.Prompt == prompt && o.Model == model);

    // The paragraph a cited moment falls in (or the last one starting before it, within 30 s), as its anchor id.
    public string? ParagraphAnchor(double seconds)
    {
        var index = -1;
        for (var i = 0; i < Paragraphs.Count && Paragraphs[i].Start <= seconds + 1; i++)
        {
            index = i;
        }
        return index >= 0 && seconds <= Paragraphs[index].End + 30 ? Anchor(index) : null;
    }

    public static string Anchor(int paragraph) => $"t{paragraph + 1}";
}

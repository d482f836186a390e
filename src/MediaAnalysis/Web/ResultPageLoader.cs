using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Web;

// A page's content from the job store: the job found by its token's hash, its answers, its follow-up questions and
// its transcript.
public sealed class ResultPageLoader(IJobResults results, IQuestionStore questions, IOptions<AnalysisOptions> analysis)
{
    // The page shows at most this many answered questions, the latest.
    public const int MaxQuestions = 100;

    // Null for an unknown, malformed or expired token; each of them costs one lookup by hash.
    public async Task<(JobRecord Job, ResultPage Page)?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var job = await results.FindByPageTokenHashAsync(PageToken.Hash(token ?? ""), cancellationToken);
        if (job is null || !PageToken.IsWellFormed(token))
        {
            return null;
        }
        var answers = await results.GetAnswersAsync(job.Id, cancellationToken);
        var outcomes = answers.Select(a => a.Outcome).Where(o => !PanelVerdict.Is(o)).ToList();
        // The row came without its transcript's text ("" when stored): the times are read here, the text as it is written.
        var paragraphs = job.TranscriptParagraphs is null ? [] : await MarksAsync(job.Id, cancellationToken);
        var page = new ResultPage
        {
            SourceName = job.SourceName,
            Length = job.MediaSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            Language = job.Language,
            State = job.State,
            Note = job.Note,
            Prompts = Union(analysis.Value.EffectivePrompts.Select(p => p.Name), outcomes.Select(o => o.Prompt)),
            Models = Union(analysis.Value.EffectiveModels, outcomes.Select(o => o.Model)),
            Outcomes = outcomes,
            Verdict = answers.Select(a => a.Outcome).FirstOrDefault(PanelVerdict.Is),
            Paragraphs = paragraphs,
            Questions = await questions.ExchangesAsync(job.Id, MaxQuestions, cancellationToken),
            StoredTranscript = (document, ct) => results.OpenTranscriptAsync(job.Id, document, ct),
            HasStoredPlainTranscript = paragraphs.Count == 0 && job.Transcript is not null,
            StateUrl = $"/r/{token}/state",
        };
        return (job, page);
    }

    // Each paragraph's times and speaker, without its text: a few bytes a paragraph however long the transcript.
    private async Task<IReadOnlyList<TranscriptParagraph>> MarksAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var stream = await results.OpenTranscriptAsync(jobId, paragraphs: true, cancellationToken);
        if (stream is null)
        {
            return [];
        }
        var marks = new List<TranscriptParagraph>();
        await foreach (var paragraph in TranscriptDocumentReader.ReadAsync(stream, cancellationToken))
        {
            marks.Add(paragraph with { Text = "" });
        }
        return marks;
    }

    private static List<string> Union(IEnumerable<string> configured, IEnumerable<string> stored) =>
        [.. configured.Concat(stored).Distinct(StringComparer.Ordinal)];
}

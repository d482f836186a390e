using System.Text;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;

namespace MediaAnalysis.Web;

// `analyze --html FILE`: the same page for a local run, finished and self-contained (it never asks for news).
public static class LocalPage
{
    public static ResultPage From(AnalysisResult result, IEnumerable<string> prompts, IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultPage
        {
            SourceName = result.Media.SourceName,
            Length = result.Media.Duration,
            Language = result.Transcript.Language,
            State = JobState.Done,
            Prompts = [.. prompts.Concat(result.Outcomes.Where(o => !PanelVerdict.Is(o)).Select(o => o.Prompt)).Distinct(StringComparer.Ordinal)],
            Models = [.. models.Concat(result.Outcomes.Select(o => o.Model)).Distinct(StringComparer.Ordinal)],
            Outcomes = [.. result.Outcomes.Where(o => !PanelVerdict.Is(o))],
            Verdict = result.Verdict,
            Paragraphs = result.Transcript.Paragraphs,
            Transcript = result.Transcript.Paragraphs.Count == 0 ? result.Transcript.Text : null,
        };
    }

    public static async Task WriteAsync(string path, ResultPage page, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await PageWriter.WriteAsync(file, page, cancellationToken);
    }
}

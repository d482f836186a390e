using System.Text;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Questions;

// The titles of a job's answers (each answer's first heading, else its first line), for a question's prompt: what
// the thread already shows, so "the second point of the summary" can be understood. They go in whole and only when
// all of them fit Budget characters; otherwise none, and the prompt is as it was (the transcript and the exchanges).
public static class QuestionTitles
{
    public const int Budget = 1500;

    private const int MaxTitle = 150;

    public static string? Block(IEnumerable<ModelOutcome> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var lines = answers.OfType<ModelOutcome.Succeeded>()
            .Where(a => !PanelVerdict.Is(a))
            .Select(a => (a.Prompt, a.Model, Title: Title(a.Answer)))
            .Where(a => a.Title.Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }
        var text = new StringBuilder("The answers already posted in the thread, by their titles:\n");
        foreach (var (prompt, model, title) in lines)
        {
            text.Append("- ").Append(prompt).Append(" (").Append(model).Append("): ").Append(title).Append('\n');
        }
        return text.Length <= Budget ? text.ToString().TrimEnd() : null;
    }

    // The first Markdown heading's text, else the first line with words; at most 150 characters.
    public static string Title(string? answer)
    {
        var lines = (answer ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var line = lines.FirstOrDefault(l => l.StartsWith('#')) ?? lines.FirstOrDefault() ?? "";
        line = line.TrimStart('#', '-', '*', '>', ' ').Replace("**", "", StringComparison.Ordinal).Trim();
        return line.Length <= MaxTitle ? line : line[..(MaxTitle - 1)].TrimEnd() + "…";
    }
}

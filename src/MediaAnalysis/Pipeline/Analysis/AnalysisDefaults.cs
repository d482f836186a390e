namespace MediaAnalysis.Pipeline.Analysis;

public static class AnalysisDefaults
{
    // Three vendors, fast and cheap; copy current ids from OpenRouter's /api/v1/models when changing them.
    public static readonly IReadOnlyList<string> Models =
        ["openai/gpt-4o-mini", "anthropic/claude-haiku-4.5", "google/gemini-2.5-flash"];

    // Markdown both chat platforms render: Discord shows no tables and headings only down to ###; Slack's
    // converter (SlackMarkdown, from the Markdig reading) takes bold, italics, lists, links and code, and ### headings as bold lines.
    public const string ChatMarkdown = " Use only Markdown that chat apps render: no tables, headings ### at most, "
        + "bullets, bold and links are fine.";

    public static readonly IReadOnlyList<PromptVariant> Prompts =
    [
        new()
        {
            Name = "Summary",
            System = "You summarize transcripts of recorded videos for people who did not watch them. "
                + "Answer in the transcript's language, in Markdown, in under 400 words." + ChatMarkdown,
            User = "Summarize this transcript. Start with two sentences on what it is about, then list the key points as bullets. "
                + "Where the transcript gives times or timestamps, keep them next to the point.\n\nTranscript:\n{transcript}",
        },
        new()
        {
            Name = "Review",
            System = "You are a careful, critical reviewer of what was said in recorded videos. "
                + "Answer in the transcript's language, in Markdown, in under 400 words." + ChatMarkdown,
            User = "Review this transcript critically: claims that need checking, what is unclear or missing, "
                + "open questions, and action items with owners where named.\n\nTranscript:\n{transcript}",
        },
    ];
}

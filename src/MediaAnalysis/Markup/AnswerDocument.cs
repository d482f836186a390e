using Markdig;
using Markdig.Syntax;

namespace MediaAnalysis.Markup;

// A model's answer read once as Markdown (CommonMark with ~~strike~~ and pipe tables; raw HTML is never HTML, it
// stays text). Each surface renders this one reading its own way: the results page (AnswerHtml), Discord's
// Markdown subset (Chat/Discord/Rendering/DiscordMarkdown) and Slack's mrkdwn (Chat/Slack/Rendering/SlackMarkdown).
public sealed class AnswerDocument
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    private AnswerDocument(string source, MarkdownDocument root)
    {
        Source = source;
        Root = root;
    }

    // The text as parsed (line endings as written).
    public string Source { get; }

    public MarkdownDocument Root { get; }

    public static AnswerDocument Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return new AnswerDocument(markdown, Markdig.Markdown.Parse(markdown, Pipeline));
    }

    // The source between two blocks (or before the first and after the last), as written.
    public string Gap(int start, int end) =>
        start >= end || start >= Source.Length ? "" : Source[Math.Max(0, start)..Math.Min(end, Source.Length)];

    // How many line breaks separate two sibling blocks: 1 when they sit on adjacent lines, 2 across a blank line.
    public int LineBreaksBetween(Block previous, Block next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        // A list's span can run over the blank line after it: its last leaf ends where its text does.
        var last = previous;
        while (last is ContainerBlock { LastChild: { } child })
        {
            last = child;
        }
        var count = Gap(last.Span.End + 1, next.Span.Start).Count(c => c == '\n');
        return Math.Clamp(count, 1, 2);
    }
}

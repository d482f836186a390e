using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Chat.Slack.Rendering;

// The Markdown models write (read once as an AnswerDocument), as Slack mrkdwn: **bold** → *bold*, *italic* → _italic_,
// ~~strike~~ → ~strike~, # Heading → *Heading*, [text](url) → <url|text>, "- item" → "• item", ``` fences kept without
// their language, tables as a fenced block. Blank lines stay where they were written.
// &, < and > are escaped everywhere (also in code), so a model can never write <!channel> or a fake link.
public static class SlackMarkdown
{
    private const string Rule = "──────────";

    public static string ToMrkdwn(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        // Control characters have no meaning in an answer; dropping them keeps them out of Slack's text.
        var clean = markdown.ReplaceLineEndings("\n").Replace("\u0001", "", StringComparison.Ordinal)
            .Replace("\u0002", "", StringComparison.Ordinal).Replace("\u0003", "", StringComparison.Ordinal);
        return ToMrkdwn(AnswerDocument.Parse(clean));
    }

    public static string ToMrkdwn(AnswerDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder(document.Source.Length + 64);
        Blocks(builder, document, document.Root, 0);
        return builder.ToString();
    }

    private static void Blocks(StringBuilder builder, AnswerDocument document, ContainerBlock container, int depth)
    {
        Block? previous = null;
        foreach (var block in container)
        {
            if (block is LinkReferenceDefinitionGroup or BlankLineBlock)
            {
                continue;
            }
            if (previous is not null)
            {
                builder.Append('\n', document.LineBreaksBetween(previous, block));
            }
            Block(builder, document, block, depth);
            previous = block;
        }
    }

    private static void Block(StringBuilder builder, AnswerDocument document, Block block, int depth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var text = new StringBuilder();
                new SlackInlines(text, plainStrong: true).Write(heading.Inline);
                var title = text.ToString().Trim().Trim('*');
                builder.Append(title.Length == 0 ? "" : $"*{title}*");
                break;
            case ThematicBreakBlock:
                builder.Append(Rule);
                break;
            case FencedCodeBlock or CodeBlock:
                Code(builder, (LeafBlock)block);
                break;
            case Table table:
                builder.Append("```\n").Append(SlackText.Escape(TableText.Of(table))).Append("\n```");
                break;
            case QuoteBlock quote:
                var inner = new StringBuilder();
                Blocks(inner, document, quote, depth);
                builder.Append(string.Join('\n', inner.ToString().Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l)));
                break;
            case ListBlock list:
                List(builder, document, list, depth);
                break;
            case LeafBlock leaf:
                new SlackInlines(builder, plainStrong: false).Write(leaf.Inline);
                break;
            case ContainerBlock other:
                Blocks(builder, document, other, depth);
                break;
        }
    }

    private static void List(StringBuilder builder, AnswerDocument document, ListBlock list, int depth)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        Block? previous = null;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (previous is not null)
            {
                builder.Append('\n', document.LineBreaksBetween(previous, item));
            }
            builder.Append(' ', depth * 2).Append(list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "• ");
            Blocks(builder, document, item, depth + 1);
            previous = item;
        }
    }

    private static void Code(StringBuilder builder, LeafBlock code)
    {
        builder.Append("```");
        for (var i = 0; i < code.Lines.Count; i++)
        {
            builder.Append('\n').Append(SlackText.Escape(code.Lines.Lines[i].Slice.ToString()));
        }
        builder.Append("\n```");
    }
}

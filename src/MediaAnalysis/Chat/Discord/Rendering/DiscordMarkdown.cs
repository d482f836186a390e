using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Chat.Discord.Rendering;

// An answer (read once as an AnswerDocument) in Discord's Markdown subset. Discord renders what models write almost
// as CommonMark, so every block it shows is kept as written, character for character; what it does not show is
// rewritten: tables become an aligned code block, headings below ### become a bold line.
public static class DiscordMarkdown
{
    public static string From(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return From(AnswerDocument.Parse(markdown));
    }

    public static string From(AnswerDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Source;
        var builder = new StringBuilder(source.Length + 16);
        var position = 0;
        foreach (var block in document.Root)
        {
            var replacement = block switch
            {
                Table table => "```\n" + TableText.Of(table).Replace("```", "`\u200b``", StringComparison.Ordinal) + "\n```",
                HeadingBlock { Level: > 3 } heading => $"**{InlineText.Of(heading.Inline).Trim()}**",
                _ => null,
            };
            if (replacement is null || block.Span.Start < position)
            {
                continue;
            }
            builder.Append(source, position, block.Span.Start - position).Append(replacement);
            position = Math.Min(source.Length, block.Span.End + 1);
        }
        return builder.Append(source, position, source.Length - position).ToString();
    }
}

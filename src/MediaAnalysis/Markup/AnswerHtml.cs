using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace MediaAnalysis.Markup;

// An answer as HTML for the results page, written straight to the response. Model output is untrusted: text is
// escaped, raw HTML was never parsed as HTML (AnswerDocument), images are not loaded (a link to them instead), and
// only absolute http(s) links become links, with rel="noopener noreferrer nofollow". Headings start at h4: the
// page's own headings are above them. [m:ss] citations link to their transcript paragraph (citationTarget).
public static class AnswerHtml
{
    public static void Write(TextWriter writer, AnswerDocument document, Func<double, string?>? citationTarget)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        Blocks(writer, document.Root, tight: false, new HtmlInlines(writer, citationTarget));
    }

    private static void Blocks(TextWriter writer, ContainerBlock container, bool tight, HtmlInlines inlines)
    {
        foreach (var block in container)
        {
            Block(writer, block, tight, inlines);
        }
    }

    private static void Block(TextWriter writer, Block block, bool tight, HtmlInlines inlines)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var level = Math.Min(6, heading.Level + 3);
                writer.Write($"<h{level}>");
                inlines.Write(heading.Inline);
                writer.Write($"</h{level}>\n");
                break;
            case ParagraphBlock paragraph when tight:
                inlines.Write(paragraph.Inline);
                writer.Write('\n');
                break;
            case ParagraphBlock paragraph:
                writer.Write("<p>");
                inlines.Write(paragraph.Inline);
                writer.Write("</p>\n");
                break;
            case ThematicBreakBlock:
                writer.Write("<hr>\n");
                break;
            case FencedCodeBlock or CodeBlock:
                writer.Write("<pre><code>");
                var code = (LeafBlock)block;
                for (var i = 0; i < code.Lines.Count; i++)
                {
                    Html.Text(writer, code.Lines.Lines[i].Slice.ToString());
                    writer.Write('\n');
                }
                writer.Write("</code></pre>\n");
                break;
            case QuoteBlock quote:
                writer.Write("<blockquote>\n");
                Blocks(writer, quote, tight: false, inlines);
                writer.Write("</blockquote>\n");
                break;
            case ListBlock list:
                List(writer, list, inlines);
                break;
            case Table table:
                Table(writer, table, inlines);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                writer.Write("<p>");
                inlines.Write(leaf.Inline);
                writer.Write("</p>\n");
                break;
            case ContainerBlock other:
                Blocks(writer, other, tight, inlines);
                break;
        }
    }

    private static void List(TextWriter writer, ListBlock list, HtmlInlines inlines)
    {
        var tag = list.IsOrdered ? "ol" : "ul";
        var start = list.IsOrdered && int.TryParse(list.OrderedStart, out var n) && n != 1 ? $" start=\"{n}\"" : "";
        writer.Write($"<{tag}{start}>\n");
        foreach (var item in list.OfType<ListItemBlock>())
        {
            writer.Write("<li>");
            Blocks(writer, item, !list.IsLoose, inlines);
            writer.Write("</li>\n");
        }
        writer.Write($"</{tag}>\n");
    }

    private static void Table(TextWriter writer, Table table, HtmlInlines inlines)
    {
        writer.Write("<div class=\"table\"><table>\n");
        foreach (var row in table.OfType<TableRow>())
        {
            writer.Write("<tr>");
            var tag = row.IsHeader ? "th" : "td";
            foreach (var cell in row.OfType<TableCell>())
            {
                writer.Write(row.IsHeader ? "<th scope=\"col\">" : "<td>");
                foreach (var leaf in cell.OfType<LeafBlock>())
                {
                    inlines.Write(leaf.Inline);
                }
                writer.Write($"</{tag}>");
            }
            writer.Write("</tr>\n");
        }
        writer.Write("</table></div>\n");
    }
}

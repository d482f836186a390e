using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace MediaAnalysis.Markup;

// A pipe table as plain aligned text, for chat surfaces that show no tables (inside a code block).
public static class TableText
{
    public static string Of(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => string.Join(' ', c.OfType<LeafBlock>().Select(l => InlineText.Of(l.Inline))).Trim()).ToList())
            .ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Count ? r[i].Length : 0)).ToList();
        var builder = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                builder.Append('\n');
            }
            builder.AppendJoin(" | ", Enumerable.Range(0, columns).Select(i => (i < rows[r].Count ? rows[r][i] : "").PadRight(widths[i])));
            if (r == 0 && table.OfType<TableRow>().First().IsHeader)
            {
                builder.Append('\n').AppendJoin("-+-", widths.Select(w => new string('-', w)));
            }
        }
        return string.Join('\n', builder.ToString().Split('\n').Select(l => l.TrimEnd()));
    }
}

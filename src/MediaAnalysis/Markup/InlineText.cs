using System.Text;
using Markdig.Syntax.Inlines;

namespace MediaAnalysis.Markup;

// The words of some inlines without any formatting: a link's label, a heading's text, a table cell.
public static class InlineText
{
    public static string Of(ContainerInline? container)
    {
        var builder = new StringBuilder();
        Append(builder, container);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }
        foreach (var inline in container)
        {
            _ = inline switch
            {
                LiteralInline literal => builder.Append(literal.Content.AsSpan()),
                CodeInline code => builder.Append(code.Content),
                AutolinkInline auto => builder.Append(auto.Url),
                HtmlEntityInline entity => builder.Append(entity.Transcoded.AsSpan()),
                LineBreakInline => builder.Append(' '),
                ContainerInline inner => AppendInner(builder, inner),
                _ => builder,
            };
        }
    }

    private static StringBuilder AppendInner(StringBuilder builder, ContainerInline inner)
    {
        Append(builder, inner);
        return builder;
    }
}

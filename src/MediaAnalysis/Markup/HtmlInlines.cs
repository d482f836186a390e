using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace MediaAnalysis.Markup;

// One run of inlines as HTML. Neighbouring text pieces are joined before they are written, so that a citation
// Markdig split at its brackets ("[", "12:04", "]") is still found whole.
internal sealed partial class HtmlInlines(TextWriter writer, Func<double, string?>? citationTarget)
{
    private const string Rel = "noopener noreferrer nofollow";
    private readonly StringBuilder pending = new();

    public void Write(ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }
        foreach (var inline in container)
        {
            Inline(inline);
        }
        Flush();
    }

    private void Inline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                pending.Append(literal.Content.AsSpan());
                return;
            case HtmlEntityInline entity:
                pending.Append(entity.Transcoded.AsSpan());
                return;
            case LineBreakInline { IsHard: false }:
                pending.Append('\n');
                return;
        }
        Flush();
        switch (inline)
        {
            case LineBreakInline:
                writer.Write("<br>\n");
                break;
            case CodeInline code:
                writer.Write("<code>");
                Html.Text(writer, code.Content);
                writer.Write("</code>");
                break;
            case AutolinkInline auto when !auto.IsEmail && WebLinks.IsWeb(auto.Url):
                Anchor(auto.Url, auto.Url);
                break;
            case AutolinkInline auto:
                Html.Text(writer, auto.Url);
                break;
            case LinkInline link:
                Link(link);
                break;
            case EmphasisInline emphasis:
                var tag = (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
                {
                    ('~', _) => "del",
                    (_, >= 2) => "strong",
                    _ => "em",
                };
                writer.Write($"<{tag}>");
                Write(emphasis);
                writer.Write($"</{tag}>");
                break;
            case ContainerInline other:
                Write(other);
                break;
        }
    }

    // An image is never loaded (no asset from another host): it becomes a link to it, labelled with its text.
    private void Link(LinkInline link)
    {
        if (!WebLinks.IsWeb(link.Url))
        {
            // Not a web link (javascript:, data:, relative, a reference that was never defined): its words only.
            Write(link);
            return;
        }
        writer.Write("<a href=\"");
        Html.Text(writer, link.Url);
        writer.Write($"\" rel=\"{Rel}\">");
        if (link.IsImage)
        {
            var label = InlineText.Of(link);
            Html.Text(writer, label.Length == 0 ? "image" : $"image: {label}");
        }
        else
        {
            Write(link);
        }
        writer.Write("</a>");
    }

    private void Anchor(string url, string text)
    {
        writer.Write("<a href=\"");
        Html.Text(writer, url);
        writer.Write($"\" rel=\"{Rel}\">");
        Html.Text(writer, text);
        writer.Write("</a>");
    }

    private void Flush()
    {
        if (pending.Length == 0)
        {
            return;
        }
        var text = pending.ToString();
        pending.Clear();
        var position = 0;
        if (citationTarget is not null)
        {
            foreach (Match match in Cited().Matches(text))
            {
                if (Seconds(match) is not { } seconds || citationTarget(seconds) is not { } target)
                {
                    continue;
                }
                Html.Text(writer, text[position..match.Index]);
                writer.Write($"<a class=\"cite\" href=\"#{Html.Encode(target)}\">");
                Html.Text(writer, match.Value);
                writer.Write("</a>");
                position = match.Index + match.Length;
            }
        }
        Html.Text(writer, text[position..]);
    }

    private static double? Seconds(Match match)
    {
        var h = match.Groups["h"].Success ? int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var m = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var s = int.Parse(match.Groups["s"].ValueSpan, CultureInfo.InvariantCulture);
        return s >= 60 || (match.Groups["h"].Success && m >= 60) ? null : (h * 3600) + (m * 60) + s;
    }

    // [12:04], [1:02:03], [12:04-13:10]: the start is the moment linked to (as Pipeline/Analysis/CitationCheck reads them).
    [GeneratedRegex(@"\[(?:(?<h>\d{1,2}):)?(?<m>\d{1,3}):(?<s>\d{2})(?:\s*[-–—]\s*(?:\d{1,2}:)?\d{1,3}:\d{2})?\]", RegexOptions.CultureInvariant)]
    private static partial Regex Cited();
}

using System.Text;
using Markdig.Syntax.Inlines;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Chat.Slack.Rendering;

// One run of inlines as mrkdwn. In a heading (plainStrong) bold adds nothing: the whole line is bold already.
internal sealed class SlackInlines(StringBuilder builder, bool plainStrong)
{
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
    }

    private void Inline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(SlackText.Escape(literal.Content.ToString()));
                break;
            case HtmlEntityInline entity:
                builder.Append(SlackText.Escape(entity.Transcoded.ToString()));
                break;
            case CodeInline code:
                var ticks = new string(code.Delimiter, code.DelimiterCount);
                builder.Append(ticks).Append(SlackText.Escape(code.Content)).Append(ticks);
                break;
            case LineBreakInline:
                builder.Append('\n');
                break;
            case AutolinkInline auto:
                var target = auto.IsEmail ? "mailto:" + auto.Url : auto.Url;
                builder.Append(WebLinks.IsWebOrMail(target) ? $"<{Url(target)}>" : SlackText.Escape($"<{auto.Url}>"));
                break;
            case LinkInline link:
                Link(link);
                break;
            case EmphasisInline emphasis:
                Emphasis(emphasis);
                break;
            case ContainerInline other:
                Write(other);
                break;
        }
    }

    private void Emphasis(EmphasisInline emphasis)
    {
        var mark = (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
        {
            ('~', _) => "~",
            (_, 2) when plainStrong => "",
            (_, 2) => "*",
            ('*' or '_', 1) => "_",
            _ => "",
        };
        builder.Append(mark);
        Write(emphasis);
        builder.Append(mark);
    }

    private void Link(LinkInline link)
    {
        if (WebLinks.IsWebOrMail(link.Url))
        {
            var url = Url(link.Url!);
            var label = SlackText.Escape(InlineText.Of(link).Replace('|', '¦').Trim());
            builder.Append(label.Length == 0 || label == url ? $"<{url}>" : $"<{url}|{label}>");
            return;
        }
        // Anything else stays the text it was written as.
        builder.Append(link.IsImage ? "![" : "[");
        Write(link);
        builder.Append("](").Append(SlackText.Escape(link.Url ?? "")).Append(')');
    }

    private static string Url(string url) => SlackText.Escape(url.Replace(" ", "%20", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal));
}

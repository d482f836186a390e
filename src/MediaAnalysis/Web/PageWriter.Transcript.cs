using MediaAnalysis.Jobs;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Web;

public static partial class PageWriter
{
    // Paragraph by paragraph with time and speaker, each an anchor citations link to; a search box filters them.
    private static async Task TranscriptAsync(TextWriter writer, ResultPage page, CancellationToken cancellationToken)
    {
        writer.Write("<section id=\"transcript\" aria-labelledby=\"transcript-h\">\n<h2 id=\"transcript-h\">Transcript</h2>\n");
        if (page.Paragraphs.Count == 0 && page.Transcript is null)
        {
            writer.Write("<p class=\"waiting\">");
            writer.Write(page.IsFinished ? "There is no transcript." : "The transcript is on its way.");
            writer.Write("</p>\n</section>\n");
            return;
        }
        if (page.Paragraphs.Count == 0)
        {
            writer.Write("<p class=\"plain\">");
            Html.Text(writer, page.Transcript);
            writer.Write("</p>\n</section>\n");
            return;
        }
        writer.Write("<div class=\"search\" role=\"search\"><label for=\"q\">Search the transcript</label>");
        writer.Write("<input id=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\">");
        writer.Write("<span id=\"count\" aria-live=\"polite\"></span></div>\n<div class=\"paras\">\n");
        for (var i = 0; i < page.Paragraphs.Count; i++)
        {
            var paragraph = page.Paragraphs[i];
            var anchor = ResultPage.Anchor(i);
            writer.Write($"<p class=\"para\" id=\"{anchor}\"><a class=\"time\" href=\"#{anchor}\">{Timestamp.Of(paragraph.Start)}</a>");
            if (paragraph.Speaker is { } speaker)
            {
                writer.Write($"<span class=\"who\">Speaker {speaker}</span>");
            }
            Html.Text(writer, paragraph.Text);
            writer.Write("</p>\n");
            if (i % 64 == 63)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
        writer.Write("</div>\n</section>\n");
    }
}

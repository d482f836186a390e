using System.Text;
using MediaAnalysis.Jobs;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Web;

// The page's transcript section: paragraph by paragraph with time and speaker, each an anchor citations link to; a
// search box filters them. A page from the store streams the text from the database as it writes: the transcript is
// never whole in memory.
internal static class TranscriptWriter
{
    public static async Task WriteAsync(TextWriter writer, ResultPage page, CancellationToken cancellationToken)
    {
        writer.Write("<section id=\"transcript\" aria-labelledby=\"transcript-h\">\n<h2 id=\"transcript-h\">Transcript</h2>\n");
        if (!page.HasTranscript)
        {
            writer.Write("<p class=\"waiting\">");
            writer.Write(page.IsFinished ? "There is no transcript." : "The transcript is on its way.");
            writer.Write("</p>\n</section>\n");
            return;
        }
        if (page.Paragraphs.Count == 0)
        {
            writer.Write("<p class=\"plain\">");
            await PlainAsync(writer, page, cancellationToken);
            writer.Write("</p>\n</section>\n");
            return;
        }
        writer.Write("<div class=\"search\" role=\"search\"><label for=\"q\">Search the transcript</label>");
        writer.Write("<input id=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\">");
        writer.Write("<span id=\"count\" aria-live=\"polite\"></span></div>\n<div class=\"paras\">\n");
        if (page.StoredTranscript is { } open)
        {
            await using var stream = await open(true, cancellationToken);
            var i = 0;
            // The paragraphs as the store has them now; the marks read a moment ago give the anchors the same numbers.
            await foreach (var paragraph in TranscriptDocumentReader.ReadAsync(stream ?? Stream.Null, cancellationToken))
            {
                await ParagraphAsync(writer, paragraph, i++, cancellationToken);
            }
        }
        else
        {
            for (var i = 0; i < page.Paragraphs.Count; i++)
            {
                await ParagraphAsync(writer, page.Paragraphs[i], i, cancellationToken);
            }
        }
        writer.Write("</div>\n</section>\n");
    }

    private static async Task ParagraphAsync(TextWriter writer, TranscriptParagraph paragraph, int i, CancellationToken cancellationToken)
    {
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

    // The plain transcript: from memory, or from the store in 4,096-character pieces.
    private static async Task PlainAsync(TextWriter writer, ResultPage page, CancellationToken cancellationToken)
    {
        if (page.StoredTranscript is not { } open)
        {
            Html.Text(writer, page.Transcript);
            return;
        }
        await using var stream = await open(false, cancellationToken);
        if (stream is null)
        {
            return;
        }
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
        var piece = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(piece, cancellationToken)) > 0)
        {
            Html.Text(writer, piece.AsSpan(0, read));
            await writer.FlushAsync(cancellationToken);
        }
    }
}

using MediaAnalysis.Markup;

namespace MediaAnalysis.Web;

public static partial class PageWriter
{
    // The follow-up questions people asked in the job's thread and the answers they got, oldest first, below the
    // verdict. The question is a person's words and the answer a model's: both are escaped, the answer rendered from
    // Markdown like a cell's, its [m:ss] citations linked to their paragraphs.
    public static void Questions(TextWriter writer, ResultPage page)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Questions.Count == 0)
        {
            return;
        }
        writer.Write("<section id=\"questions\" class=\"questions\" aria-labelledby=\"questions-h\">\n<h2 id=\"questions-h\">Follow-up questions</h2>\n");
        for (var i = 0; i < page.Questions.Count; i++)
        {
            var exchange = page.Questions[i];
            writer.Write($"<article class=\"qa\" aria-labelledby=\"q{i}-h\">\n<h3 id=\"q{i}-h\">");
            Html.Text(writer, exchange.Question);
            writer.Write("</h3>\n<div class=\"answer\">\n");
            AnswerHtml.Write(writer, AnswerDocument.Parse(exchange.Answer), page.ParagraphAnchor);
            writer.Write("</div>\n</article>\n");
        }
        writer.Write("</section>\n");
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Web;

public static partial class PageWriter
{
    public static string CellId(int prompt, int model) => $"c{prompt}-{model}";

    // One answer: the model, its usage line or failure reason, the answer rendered, and a copy button.
    public static void Cell(TextWriter writer, ResultPage page, int prompt, int model)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(page);
        var id = CellId(prompt, model);
        var outcome = page.Outcome(page.Prompts[prompt], page.Models[model]);
        writer.Write($"<article class=\"cell\" id=\"{id}\" aria-labelledby=\"{id}-h\"{(outcome is null ? "" : " data-done=\"1\"")}>\n<div class=\"bar\"><h3 id=\"{id}-h\">");
        Html.Text(writer, page.Models[model]);
        writer.Write("</h3>");
        if (outcome is ModelOutcome.Succeeded)
        {
            writer.Write($"<button type=\"button\" class=\"copy\" data-for=\"{id}-a\">Copy<span class=\"vh\"> the answer of ");
            Html.Text(writer, $"{page.Models[model]} to {page.Prompts[prompt]}");
            writer.Write("</span></button>");
        }
        writer.Write("</div>\n");
        switch (outcome)
        {
            case ModelOutcome.Succeeded s:
                writer.Write("<p class=\"meta\">");
                Html.Text(writer, Format.Usage(s));
                writer.Write($"</p>\n<div class=\"answer\" id=\"{id}-a\">\n");
                if (string.IsNullOrWhiteSpace(s.Answer))
                {
                    writer.Write("<p><em>(The model returned an empty answer.)</em></p>\n");
                }
                else
                {
                    AnswerHtml.Write(writer, AnswerDocument.Parse(s.Answer), page.ParagraphAnchor);
                }
                writer.Write("</div>\n");
                break;
            case ModelOutcome.Failed f:
                writer.Write("<p class=\"meta\">");
                Html.Text(writer, Format.Seconds(f.Elapsed));
                writer.Write("</p>\n<p class=\"failed\"><strong>No answer:</strong> ");
                Html.Text(writer, string.IsNullOrWhiteSpace(f.Reason) ? "the model could not answer." : f.Reason);
                writer.Write("</p>\n");
                break;
            default:
                writer.Write(page.IsFinished ? "<p class=\"waiting\">No answer.</p>\n" : "<p class=\"waiting\">Waiting for the answer…</p>\n");
                break;
        }
        writer.Write("</article>\n");
    }
}

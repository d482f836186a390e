using MediaAnalysis.Jobs;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Web;

public static partial class PageWriter
{
    // The panel verdict, when the job has one: where the answers agree, where they differ (each model's position)
    // and what only one model noticed. Its text is model output, so all of it is escaped.
    public static void Verdict(TextWriter writer, ResultPage page)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Verdict is not { } outcome)
        {
            return;
        }
        writer.Write("<section id=\"verdict\" class=\"verdict\" aria-labelledby=\"verdict-h\">\n<h2 id=\"verdict-h\">Panel verdict</h2>\n");
        var verdict = outcome is ModelOutcome.Succeeded s ? PanelVerdictJson.TryRead(s.Answer) : null;
        if (verdict is null || verdict.IsEmpty)
        {
            writer.Write("<p class=\"failed\">");
            Html.Text(writer, outcome is ModelOutcome.Failed f && !string.IsNullOrWhiteSpace(f.Reason)
                ? $"No verdict: {f.Reason}" : "No verdict: the answers could not be compared.");
            writer.Write("</p>\n</section>\n");
            return;
        }
        if (outcome is ModelOutcome.Succeeded paid)
        {
            writer.Write("<p class=\"meta\">");
            Html.Text(writer, Format.Usage(paid));
            writer.Write("</p>\n");
        }
        if (verdict.Agreements.Count > 0)
        {
            writer.Write("<h3>Agreements</h3>\n<ul>\n");
            foreach (var agreement in verdict.Agreements)
            {
                Item(writer, null, agreement);
            }
            writer.Write("</ul>\n");
        }
        if (verdict.Disagreements.Count > 0)
        {
            writer.Write("<h3>Disagreements</h3>\n<ul>\n");
            foreach (var disagreement in verdict.Disagreements)
            {
                writer.Write("<li><strong>");
                Html.Text(writer, disagreement.Topic);
                writer.Write("</strong>\n<ul>\n");
                foreach (var position in disagreement.Positions)
                {
                    Item(writer, position.Model, position.Text);
                }
                writer.Write("</ul></li>\n");
            }
            writer.Write("</ul>\n");
        }
        if (verdict.UniquePoints.Count > 0)
        {
            writer.Write("<h3>Unique points</h3>\n<ul>\n");
            foreach (var point in verdict.UniquePoints)
            {
                Item(writer, point.Model, point.Text);
            }
            writer.Write("</ul>\n");
        }
        writer.Write("</section>\n");
    }

    private static void Item(TextWriter writer, string? model, string text)
    {
        writer.Write("<li>");
        if (model is not null)
        {
            writer.Write("<span class=\"model\">");
            Html.Text(writer, model);
            writer.Write(":</span> ");
        }
        Html.Text(writer, text);
        writer.Write("</li>\n");
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Markup;

namespace MediaAnalysis.Web;

// The results page as one HTML document, written piece by piece to the response (or a file): a 3-hour transcript
// is never held as one string. Everything from a model, a file name or the transcript goes through Html.Text.
public static partial class PageWriter
{
    public static async Task WriteAsync(TextWriter writer, ResultPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(page);
        writer.Write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n");
        writer.Write("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
        Html.Text(writer, page.SourceName);
        writer.Write(" · side by side</title>\n<style>");
        writer.Write(PageAssets.Style);
        writer.Write("</style>\n</head>\n<body");
        if (page.StateUrl is { } state && !page.IsFinished)
        {
            writer.Write(" data-state=\"");
            Html.Text(writer, state);
            writer.Write('"');
        }
        if (page.HasTranscript)
        {
            writer.Write(" data-transcript=\"1\"");
        }
        writer.Write(">\n<a class=\"skip\" href=\"#answers\">Skip to the answers</a>\n");
        Header(writer, page);
        writer.Write("<main>\n<section id=\"answers\" aria-labelledby=\"answers-h\">\n<h2 id=\"answers-h\">Answers side by side</h2>\n");
        for (var p = 0; p < page.Prompts.Count; p++)
        {
            writer.Write($"<section class=\"prompt\" aria-labelledby=\"p{p}\">\n<h2 id=\"p{p}\">");
            Html.Text(writer, page.Prompts[p]);
            writer.Write("</h2>\n<div class=\"grid\">\n");
            for (var m = 0; m < page.Models.Count; m++)
            {
                Cell(writer, page, p, m);
            }
            writer.Write("</div>\n</section>\n");
            await writer.FlushAsync(cancellationToken);
        }
        writer.Write("</section>\n");
        Verdict(writer, page);
        Questions(writer, page);
        await TranscriptWriter.WriteAsync(writer, page, cancellationToken);
        writer.Write("</main>\n<footer><p>A private page: anyone with its link can read it. It is deleted with the job.</p></footer>\n");
        writer.Write("<div id=\"live\" class=\"skip\" role=\"status\" aria-live=\"polite\"></div>\n<script>");
        writer.Write(PageAssets.Script);
        writer.Write("</script>\n</body>\n</html>\n");
        await writer.FlushAsync(cancellationToken);
    }

    private static void Header(TextWriter writer, ResultPage page)
    {
        writer.Write("<header>\n<h1>");
        Html.Text(writer, page.SourceName);
        writer.Write("</h1>\n<dl class=\"facts\">");
        Fact(writer, "Length", page.Length is { } length ? Format.Duration(length) : "–");
        Fact(writer, "Language", page.Language is { } language ? LanguageNames.Of(language) : "–");
        Fact(writer, "Speakers", page.Paragraphs.Count == 0 ? "–" : Math.Max(1, page.Speakers).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Fact(writer, "Total cost", page.TotalCost is { } cost ? Format.Cost(cost) : "–");
        writer.Write("<div><dt>State</dt><dd id=\"state\">");
        Html.Text(writer, StateText(page.State));
        writer.Write("</dd></div></dl>\n");
        if (!string.IsNullOrWhiteSpace(page.Note))
        {
            writer.Write("<p class=\"note\">");
            Html.Text(writer, page.Note);
            writer.Write("</p>\n");
        }
        writer.Write("</header>\n");
    }

    private static void Fact(TextWriter writer, string name, string value)
    {
        writer.Write($"<div><dt>{name}</dt><dd>");
        Html.Text(writer, value);
        writer.Write("</dd></div>");
    }

    public static string StateText(JobState state) => state switch
    {
        JobState.Queued => "waiting in line",
        JobState.Running => "running",
        JobState.Done => "done",
        JobState.Failed => "failed",
        JobState.Cancelled => "cancelled",
        _ => "timed out",
    };
}

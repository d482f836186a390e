using System.Text;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Rendering;

public static class SlackVerdictRenderer
{
    public const string VerdictHeader = "⚖️ Panel verdict";

    // The verdict as one threaded reply: a header, a section per part (agreements, disagreements naming the models,
    // what only one noticed) and the usage line; or the one line that says why there is none.
    public static SlackMessageContent Verdict(ModelOutcome verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var document = verdict is ModelOutcome.Succeeded s ? PanelVerdictJson.TryRead(s.Answer) : null;
        if (verdict is not ModelOutcome.Succeeded succeeded || document is null)
        {
            var line = verdict is ModelOutcome.Failed f ? f.Reason : "The panel verdict could not be read.";
            return new SlackMessageContent(SlackText.EscapeClip("⚖️ " + line, SlackLimits.FallbackText), [SlackRenderer.Section(SlackText.EscapeClip("⚖️ " + line, SlackLimits.SectionText))]);
        }
        var blocks = new List<Block> { new HeaderBlock { Text = TextObject.Plain(VerdictHeader) } };
        var parts = new List<string>();
        if (document.Agreements.Count > 0)
        {
            parts.Add(Part("Where they agree", document.Agreements.Select(a => "• " + SlackText.Escape(a))));
        }
        if (document.Disagreements.Count > 0)
        {
            parts.Add(Part("Where they differ", document.Disagreements.Select(d => "• " + SlackText.Escape(d.Topic) + "\n"
                + string.Join('\n', d.Positions.Select(p => $"    ◦ *{SlackText.Name(SlackText.ShortModel(p.Model), 100)}*: {SlackText.Escape(p.Text)}")))));
        }
        if (document.UniquePoints.Count > 0)
        {
            parts.Add(Part("Only one noticed", document.UniquePoints.Select(u => $"• *{SlackText.Name(SlackText.ShortModel(u.Model), 100)}*: {SlackText.Escape(u.Text)}")));
        }
        if (parts.Count == 0)
        {
            parts.Add("The model found nothing to compare.");
        }
        blocks.AddRange(parts.Select(p => SlackRenderer.Section(TextClip.Clip(p, SlackLimits.SectionText))));
        blocks.Add(SlackRenderer.Context(SlackText.Escape($"{succeeded.Model} · {Format.Usage(succeeded)}")));
        var preview = TextClip.Clip($"{VerdictHeader}: {SlackText.OneLine(parts[0])}", SlackLimits.FallbackText);
        return new SlackMessageContent(preview, blocks);
    }

    private static string Part(string title, IEnumerable<string> lines) =>
        new StringBuilder().Append('*').Append(title).Append("*\n").AppendJoin('\n', lines).ToString();
}

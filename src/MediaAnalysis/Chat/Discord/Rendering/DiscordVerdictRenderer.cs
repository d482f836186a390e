using System.Text;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

public static class DiscordVerdictRenderer
{
    public const string VerdictTitle = "⚖️ Panel verdict";

    private const int VerdictColour = 0x5865F2;

    // The verdict as one embed (agreements, disagreements naming the models, what only one noticed; the model,
    // tokens, cost and time in the footer), or the one line that says why there is none.
    public static MessageBody Verdict(ModelOutcome verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var document = verdict is ModelOutcome.Succeeded s ? PanelVerdictJson.TryRead(s.Answer) : null;
        if (verdict is not ModelOutcome.Succeeded succeeded || document is null)
        {
            var line = verdict is ModelOutcome.Failed f ? f.Reason : "The panel verdict could not be read.";
            return new MessageBody { Content = TextClip.Clip("⚖️ " + line, DiscordLimits.Content), AllowedMentions = AllowedMentions.None };
        }
        var embed = new Embed
        {
            Title = VerdictTitle,
            Author = new EmbedAuthor { Name = TextClip.Clip(succeeded.Model, DiscordLimits.AuthorName) },
            Color = VerdictColour,
            Description = TextClip.Clip(VerdictText(document), DiscordLimits.EmbedDescription),
            Footer = new EmbedFooter { Text = TextClip.Clip(Format.Usage(succeeded), DiscordLimits.FooterText) },
        };
        return DiscordRenderer.Body([embed]);
    }

    private static string VerdictText(PanelVerdict verdict)
    {
        if (verdict.IsEmpty)
        {
            return "The model found nothing to compare.";
        }
        var text = new StringBuilder();
        if (verdict.Agreements.Count > 0)
        {
            text.Append("**Where they agree**\n");
            foreach (var a in verdict.Agreements)
            {
                text.Append("• ").Append(DiscordText.EscapeMarkdown(a)).Append('\n');
            }
            text.Append('\n');
        }
        if (verdict.Disagreements.Count > 0)
        {
            text.Append("**Where they differ**\n");
            foreach (var d in verdict.Disagreements)
            {
                text.Append("• ").Append(DiscordText.EscapeMarkdown(d.Topic)).Append('\n');
                foreach (var p in d.Positions)
                {
                    text.Append("  ◦ **").Append(DiscordText.EscapeMarkdown(DiscordText.ShortModel(p.Model))).Append("**: ")
                        .Append(DiscordText.EscapeMarkdown(p.Text)).Append('\n');
                }
            }
            text.Append('\n');
        }
        if (verdict.UniquePoints.Count > 0)
        {
            text.Append("**Only one noticed**\n");
            foreach (var u in verdict.UniquePoints)
            {
                text.Append("• **").Append(DiscordText.EscapeMarkdown(DiscordText.ShortModel(u.Model))).Append("**: ")
                    .Append(DiscordText.EscapeMarkdown(u.Text)).Append('\n');
            }
        }
        return text.ToString().TrimEnd();
    }
}

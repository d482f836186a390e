using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

public static partial class DiscordRenderer
{
    private const string Continued = " (continued)";

    // Below this much room left in a message, the next piece starts a new message rather than a sliver.
    private const int MinPiece = 400;

    private const int MaxReason = 1500;

    // One answer as messages in order: embeds of at most 4096 characters, packed ≤ 10 and ≤ 6000 characters
    // per message. The descriptions joined in order are the answer in Discord's Markdown (DiscordMarkdown), which is
    // the answer character for character unless it holds a table or a heading below ###.
    public static IReadOnlyList<MessageBody> Answers(ModelOutcome outcome, string prompt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var title = TextClip.Clip(string.IsNullOrWhiteSpace(prompt) ? outcome.Prompt : prompt, DiscordLimits.EmbedTitle - Continued.Length);
        var author = new EmbedAuthor { Name = TextClip.Clip(outcome.Model, DiscordLimits.AuthorName) };
        return outcome switch
        {
            ModelOutcome.Succeeded s => Succeeded(s, title, author),
            ModelOutcome.Failed f => [Body([Failed(f, title, author)])],
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
    }

    private static List<MessageBody> Succeeded(ModelOutcome.Succeeded outcome, string title, EmbedAuthor author)
    {
        var colour = ColourFor(outcome.Model);
        var footer = new EmbedFooter { Text = TextClip.Clip(Format.Usage(outcome), DiscordLimits.FooterText) };
        if (string.IsNullOrWhiteSpace(outcome.Answer))
        {
            return [Body([new Embed { Title = title, Author = author, Color = colour, Description = "*(The model returned an empty answer.)*", Footer = footer }])];
        }

        var messages = new List<MessageBody>();
        var embeds = new List<Embed>();
        var used = 0;
        var splitter = new TextSplitter(DiscordMarkdown.From(outcome.Answer));
        while (!splitter.IsDone)
        {
            var embedTitle = messages.Count == 0 && embeds.Count == 0 ? title : title + Continued;
            // The footer goes on the last embed only, but every embed keeps room for it: which one is last is known only at the end.
            var overhead = embedTitle.Length + author.Name.Length + footer.Text.Length;
            var room = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - used - overhead);
            if (embeds.Count > 0 && (embeds.Count == DiscordLimits.EmbedsPerMessage || (room < MinPiece && splitter.Remaining > room)))
            {
                messages.Add(Body(embeds));
                embeds = [];
                used = 0;
                continue;
            }
            var piece = splitter.Next(room);
            embeds.Add(new Embed { Title = embedTitle, Author = author, Color = colour, Description = piece });
            used += embedTitle.Length + author.Name.Length + piece.Length;
        }
        embeds[^1] = embeds[^1] with { Footer = footer };
        messages.Add(Body(embeds));
        return messages;
    }

    private static Embed Failed(ModelOutcome.Failed outcome, string title, EmbedAuthor author)
    {
        var reason = TextClip.Clip(outcome.Reason.Trim().TrimEnd('.'), MaxReason);
        var who = DiscordText.EscapeMarkdown(DiscordText.ShortModel(outcome.Model));
        return new Embed
        {
            Title = title,
            Author = author,
            Color = FailureColour,
            Description = reason.Length == 0
                ? $"{who} could not answer. The other answers are unaffected."
                : $"{who} could not answer: {reason}{(reason.EndsWith(TextClip.Ellipsis, StringComparison.Ordinal) ? "" : ".")} The other answers are unaffected.",
        };
    }

    internal static MessageBody Body(IReadOnlyList<Embed> embeds) => new() { Embeds = embeds, AllowedMentions = AllowedMentions.None };
}

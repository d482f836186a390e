using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Rendering;

public static partial class SlackRenderer
{
    private const string Continued = " (continued)";
    private const int MaxPromptInHeader = 60;
    private const int MaxReason = 1500;

    // One answer as threaded replies, in order: a header "Summary · gpt-4o-mini", the answer in sections of at most
    // 3000 characters, and a context line with tokens, cost and time on the last one. An answer longer than one
    // message allows continues in the next ("(continued)"). The section texts joined in order are
    // SlackMarkdown.ToMrkdwn(answer) without its outer whitespace, character for character.
    public static IReadOnlyList<SlackMessageContent> Answers(ModelOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome switch
        {
            ModelOutcome.Succeeded s => Succeeded(s),
            ModelOutcome.Failed f => [Failed(f)],
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
    }

    // "Summary · gpt-4o-mini", at most 150 characters with room for " (continued)"; the model name gives way first.
    public static string HeaderText(string prompt, string model)
    {
        var name = TextClip.Clip(SlackText.OneLine(prompt ?? ""), MaxPromptInHeader);
        var head = name.Length == 0 ? "" : $"{name} · ";
        var room = SlackLimits.HeaderText - Continued.Length - head.Length;
        return head + TextClip.Clip(SlackText.OneLine(SlackText.ShortModel(model ?? "")), room);
    }

    private static List<SlackMessageContent> Succeeded(ModelOutcome.Succeeded outcome)
    {
        var header = HeaderText(outcome.Prompt, outcome.Model);
        var footer = SlackText.Escape(Format.Usage(outcome));
        var body = SlackMarkdown.ToMrkdwn(outcome.Answer).Trim();
        if (body.Length == 0)
        {
            body = "_(The model returned an empty answer.)_";
        }

        var messages = new List<SlackMessageContent>();
        var sections = new List<string>();
        var splitter = new TextSplitter(body, slackMarkup: true);
        // Every message keeps room for the footer: which one is last is known only at the end.
        var budget = SlackLimits.BlockTextPerMessage - header.Length - Continued.Length - footer.Length;
        var used = 0;
        while (!splitter.IsDone)
        {
            // A section is cut only with a full section's room (so it can end at a paragraph), or when the rest fits.
            var room = Math.Min(SlackLimits.SectionText, budget - used);
            var full = sections.Count == SlackLimits.BlocksPerMessage - 2 || room < Math.Min(SlackLimits.SectionText, splitter.Remaining);
            if (sections.Count > 0 && full)
            {
                messages.Add(AnswerMessage(messages.Count == 0 ? header : header + Continued, sections, null));
                sections = [];
                used = 0;
                continue;
            }
            var piece = splitter.Next(room);
            sections.Add(piece);
            used += piece.Length;
        }
        messages.Add(AnswerMessage(messages.Count == 0 ? header : header + Continued, sections, footer));
        return messages;
    }

    private static SlackMessageContent AnswerMessage(string header, List<string> sections, string? footer)
    {
        var blocks = new List<Block> { new HeaderBlock { Text = TextObject.Plain(header) } };
        // Slack refuses a section whose text is only whitespace.
        blocks.AddRange(sections.Select(s => Section(string.IsNullOrWhiteSpace(s) ? "\u200B" + s : s)));
        if (footer is not null)
        {
            blocks.Add(Context(footer));
        }
        var preview = SlackText.OneLine(sections[0]);
        var text = TextClip.Clip($"{SlackText.Escape(header)}: {preview}", SlackLimits.FallbackText);
        return new SlackMessageContent(text, blocks);
    }

    private static SlackMessageContent Failed(ModelOutcome.Failed outcome)
    {
        var model = SlackText.ShortModel(outcome.Model);
        var reason = TextClip.Clip(SlackText.OneLine(outcome.Reason).TrimEnd('.'), MaxReason);
        var end = reason.EndsWith(TextClip.Ellipsis, StringComparison.Ordinal) ? "" : ".";
        var plain = reason.Length == 0
            ? $"{model} could not answer. The other answers are unaffected."
            : $"{model} could not answer: {reason}{end} The other answers are unaffected.";
        var mrkdwn = reason.Length == 0
            ? $"❌ *{SlackText.Name(model, 100)}* could not answer. The other answers are unaffected."
            : $"❌ *{SlackText.Name(model, 100)}* could not answer: {SlackText.EscapeClip(reason, MaxReason)}{end} The other answers are unaffected.";
        var context = $"{SlackText.Name(outcome.Prompt, MaxPromptInHeader)} · {SlackText.Name(outcome.Model, 200)} · {Format.Seconds(outcome.Elapsed)}";
        return new SlackMessageContent(SlackText.EscapeClip(plain, SlackLimits.FallbackText), [Section(mrkdwn), Context(context)]);
    }
}

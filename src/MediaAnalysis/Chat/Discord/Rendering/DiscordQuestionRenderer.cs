using System.Text;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

// A follow-up question's answer as one embed: who asked and the question quoted, the answer (its [m:ss] citations
// as the answers show them), and a footer: the model, its tokens, cost and time. Never pings anyone.
public static class DiscordQuestionRenderer
{
    private const int QuestionColour = 0x1ABC9C;

    public static MessageBody Answer(QuestionRecord question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var quoted = Quote(question);
        var answer = DiscordMarkdown.From(question.Answer ?? QuestionAnswer.NotInVideo);
        var usage = Format.Usage(new ModelOutcome.Succeeded("question", question.Model ?? "", TimeSpan.FromSeconds(question.Seconds ?? 0), 1,
            question.Answer ?? "", null, question.PromptTokens, question.CompletionTokens, question.Cost));
        var embed = new Embed
        {
            Color = QuestionColour,
            Description = quoted + TextClip.Clip(answer, DiscordLimits.EmbedDescription - quoted.Length),
            Footer = new EmbedFooter { Text = TextClip.Clip($"{question.Model} · {usage}", DiscordLimits.FooterText) },
        };
        return DiscordRenderer.Body([embed]);
    }

    // The model could not answer: the question quoted and why, in words.
    public static MessageBody Failure(QuestionRecord question, string failure)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(failure);
        var quoted = Quote(question);
        var why = $"I couldn't answer this one: {failure.Trim().TrimEnd('.')}. Ask again in a minute.";
        return DiscordRenderer.Body([new Embed
        {
            Color = DiscordRenderer.FailureColour,
            Description = quoted + TextClip.Clip(why, DiscordLimits.EmbedDescription - quoted.Length),
        }]);
    }

    // "> **Ana** asked: what did they decide?" with every line of the question quoted (at most 1,000 characters).
    private static string Quote(QuestionRecord question)
    {
        var text = new StringBuilder("> **").Append(DiscordText.EscapeMarkdown(TextClip.Clip(question.AskerName, 100))).Append("** asked: ");
        var lines = TextClip.Clip(question.Question, 1200).ReplaceLineEndings("\n").Split('\n');
        text.Append(DiscordText.EscapeMarkdown(lines[0]));
        foreach (var line in lines.Skip(1))
        {
            text.Append("\n> ").Append(DiscordText.EscapeMarkdown(line));
        }
        return text.Append("\n\n").ToString();
    }
}

using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Rendering;

// A follow-up question's answer as one threaded reply: who asked and the question quoted, the answer (its [m:ss]
// citations as the answers show them), and a context line: the model, its tokens, cost and time.
public static class SlackQuestionRenderer
{
    public static SlackMessageContent Answer(QuestionRecord question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var answer = SlackMarkdown.ToMrkdwn(question.Answer ?? QuestionAnswer.NotInVideo);
        var usage = Format.Usage(new ModelOutcome.Succeeded("question", question.Model ?? "", TimeSpan.FromSeconds(question.Seconds ?? 0), 1,
            question.Answer ?? "", null, question.PromptTokens, question.CompletionTokens, question.Cost));
        var blocks = new List<Block>
        {
            SlackRenderer.Section(Quote(question)),
            SlackRenderer.Section(TextClip.Clip(answer, SlackLimits.SectionText)),
            SlackRenderer.Context(SlackText.Escape($"{question.Model} · {usage}")),
        };
        return new SlackMessageContent(SlackText.EscapeClip(SlackText.OneLine(question.Answer ?? QuestionAnswer.NotInVideo), SlackLimits.FallbackText), blocks);
    }

    // The model could not answer: the question quoted and why, in words.
    public static SlackMessageContent Failure(QuestionRecord question, string failure)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(failure);
        var why = $"I couldn't answer this one: {failure.Trim().TrimEnd('.')}. Ask again in a minute.";
        return new SlackMessageContent(SlackText.EscapeClip(why, SlackLimits.FallbackText),
            [SlackRenderer.Section(Quote(question)), SlackRenderer.Section(SlackText.EscapeClip(why, SlackLimits.SectionText))]);
    }

    // "> <@U1> asked: what did they decide?" with every line of the question quoted.
    private static string Quote(QuestionRecord question)
    {
        var lines = SlackText.Escape(TextClip.Clip(question.Question, 1200)).ReplaceLineEndings("\n").Split('\n');
        return TextClip.Clip($"> {SlackText.Mention(question.AskerId)} asked: " + string.Join("\n> ", lines), SlackLimits.SectionText);
    }
}

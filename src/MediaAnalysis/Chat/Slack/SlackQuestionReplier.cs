using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Rendering;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue.Questions;

namespace MediaAnalysis.Chat.Slack;

// A question's answer as a threaded reply in the thread it was asked in (QuestionRecord.Channel, and the thread's
// ts kept as its ReplyState). Slack has no idempotency key for posts: the store marks it posted right after.
public sealed class SlackQuestionReplier(SlackApiClient api) : IQuestionReplier
{
    public string Platform => SlackReplier.PlatformName;

    public Task PostAnswerAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var message = SlackQuestionRenderer.Answer(question);
        return api.PostMessageAsync(question.Channel, question.ReplyState, message.Text, message.Blocks, cancellationToken);
    }

    public Task PostFailureAsync(QuestionRecord question, string failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var message = SlackQuestionRenderer.Failure(question, failure);
        return api.PostMessageAsync(question.Channel, question.ReplyState, message.Text, message.Blocks, cancellationToken);
    }
}

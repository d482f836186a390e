using System.Text.RegularExpressions;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue.Questions;

namespace MediaAnalysis.Chat.Slack.Inbound;

// "@bot what did they decide about pricing?" in a video's thread: a question about the thread's latest finished
// job, answered there as a threaded reply (QuestionRunner, SlackQuestionReplier); a refusal is said privately.
// Keyed by the message (team, channel, ts), so Slack's retries are the same question.
public sealed partial class SlackQuestions(QuestionRunner questions, SlackRequests requests)
{
    // False when the thread holds no job of the bot's (the mention is then not a question).
    public async Task<bool> AskAsync(string team, string channel, string user, string ts, string threadTs, string text, CancellationToken cancellationToken)
    {
        var job = await questions.Desk.JobInThreadAsync(SlackReplier.PlatformName, team, null, SlackJobState.Thread(channel, threadTs), cancellationToken);
        if (job is null)
        {
            return false;
        }
        var key = $"slack:{team}:{channel}:{ts}";
        // The workspace's access rule, as for a video: a thread is judged by its channel.
        if (await requests.AccessRefusalAsync(new SlackAsk("question", team, channel, user, ts) { ThreadTs = threadTs }, cancellationToken) is { } refused)
        {
            requests.TellLater(channel, user, refused, threadTs, key);
            return true;
        }
        var decision = await questions.AskAsync(new QuestionRecord
        {
            Key = key,
            JobId = job.Id,
            Platform = SlackReplier.PlatformName,
            Tenant = team,
            Channel = channel,
            AskerId = user,
            AskerName = user,
            Question = Mentions().Replace(text, " ").Trim(),
            ReplyState = threadTs,
        }, cancellationToken);
        if (decision.Refusal is { } refusal)
        {
            requests.TellLater(channel, user, refusal, threadTs, key);
        }
        return true;
    }

    [GeneratedRegex(@"<@[UWB][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mentions();
}

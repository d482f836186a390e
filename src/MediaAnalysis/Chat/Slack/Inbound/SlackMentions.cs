using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Inbound;

// The bot mentioned in a message (the Events API's app_mention, or a file_share message naming it).
public static class SlackMentions
{
    // app_mention, or a file_share message that mentions the bot (Slack sometimes sends only the latter):
    // both carry the same message ts, so whichever comes second, and every retry, finds the job already made,
    // and a refusal about that message is said once. "@bot analyze" in a video's thread analyzes the thread's parent;
    // any other words there, in the thread of a video the bot analyzed, are a question about it (SlackQuestions).
    public static async Task OnEventAsync(string team, string? botUser, SlackEvent evt, SlackRequests requests, SlackVideoFinder finder,
        SlackQuestions questions, CancellationToken cancellationToken)
    {
        var text = evt.Text ?? "";
        var mentioned = evt.Type == "app_mention"
            || (evt.Type == "message" && evt.Subtype == "file_share" && botUser is not null && text.Contains($"<@{botUser}>", StringComparison.Ordinal));
        if (!mentioned || evt.BotId is not null || evt.Channel is not { } channel || evt.User is not { } user || evt.Ts is not { } ts || user == botUser)
        {
            return;
        }
        var noteThread = evt.ThreadTs;
        var once = $"{team}:{channel}:{ts}";
        var pick = await finder.PickAsync(evt, cancellationToken);
        var ask = new SlackAsk("mention", team, channel, user, ts) { ThreadTs = evt.ThreadTs, Delivery = ts, NoteThreadTs = noteThread };
        if (pick.File is null && evt.ThreadTs is { } threadTs && threadTs != ts && !SlackMentionText.AsksToAnalyze(text)
            && await questions.AskAsync(team, channel, user, ts, threadTs, text, cancellationToken))
        {
            return;
        }
        if (pick.File is null && evt.ThreadTs is { } parentTs && parentTs != ts && SlackMentionText.AsksToAnalyze(text)
            && await finder.ThreadParentAsync(channel, parentTs, cancellationToken) is { } parent)
        {
            pick = await finder.PickAsync(parent, cancellationToken);
            ask = ask with { MessageTs = parentTs, ThreadTs = parentTs };
        }
        if (pick.File is not { } file)
        {
            requests.TellLater(channel, user, pick.Refusal
                ?? "I didn't find a video in that message. Mention me in the message that shares the video, or use the \"Analyze video\" shortcut on it.",
                noteThread, once);
            return;
        }
        if (await requests.AnalyzeAsync(ask, file, cancellationToken) is { } note)
        {
            requests.TellLater(channel, user, note, noteThread, once);
        }
        else if (pick.Note is { } several)
        {
            requests.TellLater(channel, user, several, noteThread, once);
        }
    }
}

using MediaAnalysis.Chat.Slack.Api;

namespace MediaAnalysis.Chat.Slack.Inbound;

public static partial class SlackEndpoints
{
    private const int HistoryLookBack = 50;

    // /analyze [link to a message] [language]: that message's video, or with no link the newest video in the channel.
    private static async Task<IResult> CommandsAsync(HttpRequest request, SlackSignatureVerifier verifier, SlackRequests requests, SlackApiClient api, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (Verify(request, body, verifier, loggers) is { } refusal)
        {
            return refusal;
        }
        if (SlackForm.IsSslCheck(SlackForm.Parse(body!.Span)))
        {
            return Results.Ok();
        }
        if (Parse(() => SlackForm.ReadCommand(body.Span)) is not { } command)
        {
            return Results.BadRequest();
        }
        var (text, language, unknownLanguage) = SlackCommandText.Split(command.Text);
        if (unknownLanguage is not null)
        {
            return Reply(unknownLanguage);
        }
        var linked = SlackMessageLink.TryParse(text, out var linkChannel, out var linkTs, out _);
        if (text.Length > 0 && !linked)
        {
            return Reply("Give me a link to the message with the video (⋯ → Copy link), or type /analyze alone for the latest video in this channel.");
        }

        // Slack wants an answer within 3 s: the look-up gets 2 of them.
        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lookup.CancelAfter(TimeSpan.FromSeconds(2));
        var channel = linked ? linkChannel : command.ChannelId;
        SlackPick pick;
        try
        {
            pick = linked
                ? SlackAttachmentPicker.Pick(await api.GetMessageAsync(channel, linkTs, lookup.Token))
                : SlackAttachmentPicker.PickLatest((await api.ConversationsHistoryAsync(channel, HistoryLookBack, null, lookup.Token)).Messages);
        }
        catch (SlackApiException ex)
        {
            return Reply(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Reply("Slack took too long to show me this channel's messages; please try again, or use the \"Analyze video\" shortcut on the message.");
        }
        if (pick.File is not { } file)
        {
            return Reply(linked
                ? pick.Refusal ?? "I found no video or audio file in that message."
                : "I found no video in this channel's recent messages. Use the \"Analyze video\" shortcut on the message (⋯ → Analyze video), or mention me in the message that shares the video.");
        }
        var message = pick.Message;
        var ts = linked ? linkTs : message?.Ts ?? "";
        var note = await requests.AnalyzeAsync("command", command.TeamId, channel, command.UserId, ts, message?.ThreadTs, file, command.ResponseUrl, language, cancellationToken);
        return Reply(note ?? pick.Note ?? $"Analyzing {file.Name ?? "the video"}: follow along in its thread.");
    }

    private static IResult Reply(string text) => Results.Json(new SlackCommandReply(text), SlackEndpointJsonContext.Default.SlackCommandReply);
}

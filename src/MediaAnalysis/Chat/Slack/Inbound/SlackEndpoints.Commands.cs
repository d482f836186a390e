using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Chat.Slack.Inbound;

public static partial class SlackEndpoints
{
    private const int HistoryLookBack = 50;

    // Slack wants the HTTP answer within 3 s: look-ups that take longer answer through response_url.
    private static readonly TimeSpan InlineBudget = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(60);

    // /analyze [link to a message] [language]: that message's video (a reply in a thread too), or with no link the
    // newest video in the channel; a last word that is not a link names the language (a code or an English name).
    private static async Task<IResult> CommandsAsync(
        HttpRequest request, SlackSignatureVerifier verifier, SlackRequests requests, SlackVideoFinder finder, SlackApiClient api,
        ServerSettings settings, SettingsRules rules, SpendOverview spend, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
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
        if (await SlackCommandWords.TryAnswerAsync(command, api, settings, rules, spend, loggers.CreateLogger(typeof(SlackEndpoints)), cancellationToken) is { } answered)
        {
            return answered;
        }
        var (text, language, unknownLanguage) = SlackCommandText.Split(command.Text);
        if (unknownLanguage is not null)
        {
            return Reply(unknownLanguage);
        }
        var linked = SlackMessageLink.TryParse(text, out var linkChannel, out var linkTs, out var linkThread);
        if (text.Length > 0 && !linked)
        {
            return Reply("Give me a link to the message with the video (⋯ → Copy link), or type /analyze alone for the latest video in this channel.");
        }
        var link = linked ? new SlackLink(linkChannel, linkTs, linkThread) : null;

        // The look-ups run on their own clock: if they outlast the inline budget, Slack gets "looking" now and the
        // answer follows through response_url.
        var work = AnswerCommandAsync(command, link, language, requests, finder, api);
        var first = await Task.WhenAny(work, Task.Delay(InlineBudget, time, cancellationToken));
        if (first == work)
        {
            return Reply(await work);
        }
        if (command.ResponseUrl is not { } responseUrl)
        {
            return Reply("Still looking for the video; the analysis will show up in its thread.");
        }
        _ = work.ContinueWith(async done =>
        {
            try
            {
                await api.RespondAsync(responseUrl, done.Result, ephemeral: true, replaceOriginal: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException or OperationCanceledException or ArgumentException)
            {
                SlackFlowLog.FollowUpFailed(loggers.CreateLogger(typeof(SlackEndpoints)), ex.GetType().Name);
            }
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
        return Reply("Looking for the video…");
    }

    // Never throws: every outcome is a line for the person.
    private static async Task<string> AnswerCommandAsync(Payloads.SlashCommand command, SlackLink? link, string? language, SlackRequests requests, SlackVideoFinder finder, SlackApiClient api)
    {
        using var budget = new CancellationTokenSource(LookupBudget);
        var token = budget.Token;
        try
        {
            var channel = link?.Channel ?? command.ChannelId;
            SlackPick pick;
            if (link is not null)
            {
                if (await finder.LinkedMessageAsync(command.UserId, command.ChannelId, link.Channel, link.Ts, link.ThreadTs, token) is not { } message)
                {
                    return SlackVideoFinder.LinkRefusal;
                }
                pick = (await finder.PickAsync(message, token)) with { Message = message };
            }
            else
            {
                pick = SlackAttachmentPicker.PickLatest((await api.ConversationsHistoryAsync(channel, HistoryLookBack, null, token)).Messages);
                if (pick.Message is { } latest && pick.File is null)
                {
                    pick = await finder.PickAsync(latest, token);
                }
            }
            if (pick.File is not { } file)
            {
                return link is not null
                    ? pick.Refusal ?? "I found no video or audio file in that message."
                    : "I found no video in this channel's recent messages. Use the \"Analyze video\" shortcut on the message (⋯ → Analyze video), or mention me in the message that shares the video.";
            }
            var message2 = pick.Message;
            var ts = link?.Ts ?? message2?.Ts ?? "";
            var ask = new SlackAsk("command", command.TeamId, channel, command.UserId, ts)
            {
                ThreadTs = message2?.ThreadTs ?? link?.ThreadTs,
                Delivery = command.TriggerId is { Length: > 0 } trigger ? trigger : Guid.NewGuid().ToString("N"),
                ResponseUrl = command.ResponseUrl,
                Language = language,
            };
            var note = await requests.AnalyzeAsync(ask, file, token);
            return note ?? pick.Note ?? $"Analyzing {Rendering.SlackText.Escape(file.Name ?? "the video")}: follow along in its thread.";
        }
        catch (SlackApiException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException)
        {
            return "Slack took too long to show me this channel's messages; please try again, or use the \"Analyze video\" shortcut on the message.";
        }
    }

    internal static IResult Reply(string text) => Results.Json(new SlackCommandReply(text), SlackEndpointJsonContext.Default.SlackCommandReply);
}

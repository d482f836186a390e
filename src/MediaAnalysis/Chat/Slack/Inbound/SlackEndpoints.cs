using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Chat.Slack.Inbound;

// /slack/events, /slack/interactivity and /slack/commands. Each verifies the raw bytes first (401 otherwise),
// answers within Slack's 3 seconds, and does its slower talking back to Slack afterwards.
public static partial class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SlackManifest.EventsPath, EventsAsync);
        endpoints.MapPost(SlackManifest.InteractivityPath, InteractivityAsync);
        endpoints.MapPost(SlackManifest.CommandsPath, CommandsAsync);
        return endpoints;
    }

    private static async Task<IResult> EventsAsync(HttpRequest request, SlackSignatureVerifier verifier, SlackRequests requests, SlackVideoFinder finder,
        SlackQuestions questions, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (Verify(request, body, verifier, loggers) is { } refusal)
        {
            return refusal;
        }
        var envelope = Parse(() => SlackForm.ReadEvent(body!.Span));
        if (envelope is null)
        {
            return Results.BadRequest();
        }
        if (request.Headers["X-Slack-Retry-Num"] is { Count: > 0 } retry)
        {
            SlackLog.EventRetry(loggers.CreateLogger(typeof(SlackEndpoints)), retry.ToString(), request.Headers["X-Slack-Retry-Reason"], envelope.EventId);
        }
        switch (envelope.Type)
        {
            case EventEnvelope.UrlVerification:
                return Results.Json(new SlackChallenge(envelope.Challenge ?? ""), SlackEndpointJsonContext.Default.SlackChallenge);
            case EventEnvelope.EventCallback when envelope.Event is { } evt && envelope.TeamId is { } team:
                var botUser = envelope.Authorizations is { Count: > 0 } auth ? auth[0].UserId : null;
                await SlackMentions.OnEventAsync(team, botUser, evt, requests, finder, questions, cancellationToken);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> InteractivityAsync(
        HttpRequest request, SlackSignatureVerifier verifier, SlackRequests requests, SlackVideoFinder finder, SlackCancels cancels,
        SlackApiClient api, ServerSettings settings, SettingsRules rules, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (Verify(request, body, verifier, loggers) is { } refusal)
        {
            return refusal;
        }
        var payload = Parse(() => SlackForm.ReadInteraction(body!.Span));
        if (payload is null)
        {
            return Results.BadRequest();
        }
        var team = payload.Team?.Id ?? payload.User?.TeamId ?? "";
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId ?? "";
        var user = payload.User?.Id ?? "";
        if (payload.Type == InteractionPayload.ViewSubmission)
        {
            return await SlackSettingsEndpoints.SubmitSettingsAsync(payload, team, user, api, settings, rules, loggers.CreateLogger(typeof(SlackEndpoints)), cancellationToken);
        }
        if (payload.Type == InteractionPayload.MessageAction && payload.CallbackId == SlackManifest.ShortcutCallbackId && payload.Message is { } message)
        {
            var ts = message.Ts ?? payload.MessageTs ?? "";
            // A reply's notes go into its thread, where the person is looking.
            var noteThread = message.ThreadTs is { } thread && thread != ts ? thread : null;
            var pick = await finder.PickAsync(message, cancellationToken);
            var ask = new SlackAsk("shortcut", team, channel, user, ts)
            {
                ThreadTs = message.ThreadTs,
                Delivery = payload.TriggerId is { Length: > 0 } trigger ? trigger : Guid.NewGuid().ToString("N"),
                ResponseUrl = payload.ResponseUrl,
                NoteThreadTs = noteThread,
            };
            var answer = pick.File is { } file
                ? await requests.AnalyzeAsync(ask, file, cancellationToken) ?? pick.Note
                : pick.Refusal ?? "That message has no video or audio file to analyze.";
            if (answer is not null)
            {
                requests.TellLater(channel, user, answer, noteThread);
            }
        }
        else if (payload.Type == InteractionPayload.BlockActions)
        {
            // Only Cancel and Delete buttons mean something here; any other (a link button) is acknowledged and left alone.
            await cancels.ClickedAsync(payload.Actions ?? [], team, channel, user, payload.Container?.ThreadTs ?? payload.Message?.ThreadTs, cancellationToken);
        }
        return Results.Ok();
    }

    private static IResult? Verify(HttpRequest request, WebhookBody? body, SlackSignatureVerifier verifier, ILoggerFactory loggers)
    {
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var result = verifier.Verify(request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body.Span);
        if (result == SlackVerification.Valid)
        {
            return null;
        }
        SlackLog.SignatureRejected(loggers.CreateLogger(typeof(SlackEndpoints)), request.Path, result);
        return Results.Unauthorized();
    }

    private static T? Parse<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;
using Microsoft.Extensions.Options;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Chat.Discord.Inbound;

// POST /discord/interactions: verify the raw bytes, then PING → PONG, /analyze and "Analyze video" → a job
// and its status message (answered inline, well inside Discord's 3 s), the Cancel button → cancel, Delete → DiscordDeletes.
public static class DiscordInteractionEndpoint
{
    public const string Path = "/discord/interactions";

    private const ulong ManageMessages = 1UL << 13;

    public static IEndpointRouteBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        DiscordSignatureVerifier verifier,
        JobQueue queue,
        DiscordStatusMessages statusMessages,
        SpendOverview spend,
        IOptions<DiscordOptions> options,
        ServerSettings settings,
        SettingsRules rules,
        MediaAnalysis.Queue.Questions.QuestionRunner questions,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DiscordInteractionEndpoint));
        using var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (!verifier.Verify(request.Headers["X-Signature-Timestamp"], request.Headers["X-Signature-Ed25519"], body.Span))
        {
            DiscordLog.SignatureRejected(logger);
            return Results.Unauthorized();
        }
        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body.Span, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            interaction = null;
        }
        if (interaction is null)
        {
            return Results.BadRequest();
        }
        return interaction.Type switch
        {
            InteractionType.Ping => Respond(InteractionResponse.Pong),
            InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.Usage =>
                Respond(await DiscordUsage.AnswerAsync(interaction, spend, cancellationToken)),
            // The server's access rules apply to questions as to videos (a thread is judged by its parent channel).
            InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordCommands.Ask =>
                Respond(interaction.GuildId is { } asked && await AccessRefusalAsync(interaction, asked, settings, logger, cancellationToken) is { } refused
                    ? DiscordRenderer.Ephemeral(refused)
                    : await DiscordAskEndpoint.CommandAsync(interaction, questions, time, cancellationToken)),
            InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordSettingsCommand.Name =>
                RespondAny(await DiscordSettingsEndpoint.CommandAsync(interaction, settings, rules, spend, cancellationToken)),
            InteractionType.ApplicationCommand => await AnalyzeAsync(interaction, queue, statusMessages, options.Value, settings, time, logger, cancellationToken),
            InteractionType.ApplicationCommandAutocomplete => Results.Json(
                await DiscordSettingsEndpoint.AutocompleteAsync(interaction, settings, rules, cancellationToken), DiscordJsonContext.Default.AutocompleteResponse),
            InteractionType.ModalSubmit when DiscordAskEndpoint.IsAsk(interaction.Data?.CustomId) =>
                Respond(await DiscordAskEndpoint.ModalAsync(interaction, questions, cancellationToken)),
            InteractionType.MessageComponent when DiscordAskEndpoint.IsAsk(interaction.Data?.CustomId) =>
                RespondAny(DiscordAskEndpoint.Button(interaction.Data!.CustomId!)),
            InteractionType.ModalSubmit => Respond(await DiscordSettingsEndpoint.ModalAsync(interaction, settings, rules, cancellationToken)),
            InteractionType.MessageComponent when DiscordDeleteButtons.Read(interaction.Data?.CustomId) is var (prefix, jobId) =>
                Respond(await DiscordDeletes.HandleAsync(interaction, prefix, jobId, queue, logger, cancellationToken)),
            InteractionType.MessageComponent => await CancelAsync(interaction, queue, cancellationToken),
            _ => Respond(DiscordRenderer.Ephemeral("I don't know that command.")),
        };
    }

    private static async Task<IResult> AnalyzeAsync(
        Interaction interaction,
        JobQueue queue,
        DiscordStatusMessages statusMessages,
        DiscordOptions options,
        ServerSettings settings,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guild || !interaction.IsGuildInstalled)
        {
            return Respond(DiscordRenderer.Ephemeral(
                $"I only work in servers I've been added to. Add me to your server first: {InviteUrl(options.ApplicationId ?? interaction.ApplicationId)}"));
        }
        if (await AccessRefusalAsync(interaction, guild, settings, logger, cancellationToken) is { } refused)
        {
            return Respond(DiscordRenderer.Ephemeral(refused));
        }
        var (video, rejected, candidates) = DiscordVideoPicker.Pick(interaction);
        if (video is null)
        {
            return Respond(DiscordRenderer.Ephemeral(rejected is not null
                ? $"That file is {DiscordVideoPicker.Describe(rejected)}; /analyze takes a video or audio file."
                : "That message has no video or audio file to analyze."));
        }
        if (video.Size > queue.MaxVideoBytes)
        {
            return Respond(DiscordRenderer.Ephemeral($"That video is {Format.Bytes(video.Size)}; this bot takes up to {Format.Bytes(queue.MaxVideoBytes)}."));
        }
        if (!Uri.TryCreate(video.Url, UriKind.Absolute, out var url))
        {
            return Respond(DiscordRenderer.Ephemeral("Discord sent that file without a usable link; please try again."));
        }
        if (DiscordAnswerPlace.Refusal(interaction) is { } nowhere)
        {
            return Respond(DiscordRenderer.Ephemeral(nowhere));
        }
        // The slash command's optional `language`; the message command detects.
        var asked = interaction.Data?.Options?.FirstOrDefault(o => o.Name == DiscordCommands.LanguageOption)?.StringValue;
        var language = SpeechLanguages.Parse(asked);
        if (asked is not null && language is null)
        {
            return Respond(DiscordRenderer.Ephemeral(SpeechLanguages.Hint(asked)));
        }
        var invoker = interaction.Invoker;
        var channel = interaction.EffectiveChannelId ?? "";
        var state = new DiscordJobState
        {
            ApplicationId = interaction.ApplicationId,
            InteractionToken = interaction.Token,
            CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
            ChannelId = channel,
            ChannelType = (int)(interaction.Channel?.Type ?? Payloads.ChannelType.GuildText),
            AppPermissions = ulong.TryParse(interaction.AppPermissions, NumberStyles.None, CultureInfo.InvariantCulture, out var perms) ? perms : 0,
        };
        var (result, status) = await queue.EnqueueAsync(new AnalyzeRequest
        {
            Platform = DiscordReplier.PlatformName,
            Tenant = guild,
            Channel = channel,
            RequesterId = invoker?.Id ?? "",
            RequesterName = invoker?.DisplayName ?? "someone",
            IdempotencyKey = $"discord:{interaction.Id}",
            VideoKey = video.Id,
            VideoUrl = url,
            SourceName = DiscordAttachmentName.Of(video),
            SizeBytes = video.Size,
            PlatformState = state.Serialize(),
            Language = language == SpeechLanguages.Detect ? null : language,
        }, cancellationToken);
        if (result.Outcome == EnqueueOutcome.StoreUnavailable)
        {
            return Respond(DiscordRenderer.Ephemeral(IntakeText.StoreUnavailable));
        }
        DiscordLog.InteractionQueued(logger, interaction.Id, result.Outcome.ToString());
        if (result.Outcome == EnqueueOutcome.Created && result.Job is { } created)
        {
            statusMessages.Learn(created.Id, created.PlatformState);
        }
        var note = candidates > 1 ? $"That message has {candidates} videos; I'm analyzing the first, {DiscordAttachmentName.Of(video)}." : null;
        return result.Outcome switch
        {
            EnqueueOutcome.Created or EnqueueOutcome.Duplicate => Respond(new InteractionResponse
            {
                Type = InteractionCallbackType.ChannelMessageWithSource,
                Data = DiscordRenderer.Status(status! with { Note = note ?? status!.Note }),
            }),
            EnqueueOutcome.AlreadyActive => Respond(DiscordRenderer.Ephemeral(status?.QueuePosition is { } position
                ? $"You already asked for this video: it is {StatusText.Ordinal(position)} in line. Its status message is above."
                : "You already asked for this video and it is being analyzed now. Its status message is above.")),
            EnqueueOutcome.OverLimit => Respond(DiscordRenderer.Ephemeral(result.Refusal ?? "A limit of this server refused the video.")),
            _ => Respond(DiscordRenderer.Ephemeral(
                $"This server already has {queue.MaxPendingPerTenant} videos waiting; try again when one finishes.")),
        };
    }

    private static async Task<IResult> CancelAsync(Interaction interaction, JobQueue queue, CancellationToken cancellationToken)
    {
        if (DiscordRenderer.CancelledJobId(interaction.Data?.CustomId) is not { } jobId
            || await queue.GetAsync(jobId, cancellationToken) is not { } job
            // A button copied into another server (or a forged click) says nothing about that server's job.
            || job.Platform != DiscordReplier.PlatformName || job.Tenant != interaction.GuildId)
        {
            return Respond(DiscordRenderer.Ephemeral("That job is no longer known."));
        }
        var invoker = interaction.Invoker;
        var moderator = ulong.TryParse(interaction.Member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var perms)
            && (perms & ManageMessages) != 0;
        if (invoker?.Id != job.RequesterId && !moderator)
        {
            return Respond(DiscordRenderer.Ephemeral($"Only <@{job.RequesterId}> or someone who can manage messages can cancel this."));
        }
        var outcome = await queue.CancelAsync(jobId, invoker is null ? "someone" : $"<@{invoker.Id}>", cancellationToken);
        return outcome is CancelOutcome.AlreadyFinished or CancelOutcome.NotFound
            ? Respond(DiscordRenderer.Ephemeral("That job has already finished."))
            : Respond(InteractionResponse.DeferredUpdate);
    }

    // The server's access rules (its settings): a role, channels; managers (Manage Server, Administrator) always may.
    private static async Task<string?> AccessRefusalAsync(Interaction interaction, string guild, ServerSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        TenantSettings current;
        try
        {
            current = await settings.GetAsync(DiscordReplier.PlatformName, guild, cancellationToken);
        }
        catch (SettingsUnavailableException)
        {
            return IntakeText.StoreUnavailable;
        }
        var manager = DiscordPermissions.Has(interaction.Member?.Permissions, DiscordPermissions.ManageGuild)
            || DiscordPermissions.Has(interaction.Member?.Permissions, DiscordPermissions.Administrator);
        var refusal = AccessRules.Refusal(current, interaction.EffectiveChannelId ?? "", interaction.Channel?.ParentId, interaction.Member?.Roles ?? [], manager,
            "Members who can manage the server");
        if (refusal is not null)
        {
            DiscordLog.AccessRefused(logger, interaction.Id, guild);
        }
        return refusal;
    }

    public static string InviteUrl(string applicationId) =>
        $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions={DiscordPermissions.Install}";

    private static IResult RespondAny(object response) => response switch
    {
        ModalResponse modal => Results.Json(modal, DiscordJsonContext.Default.ModalResponse),
        InteractionResponse message => Respond(message),
        _ => throw new ArgumentException("not a Discord response", nameof(response)),
    };

    private static IResult Respond(InteractionResponse response) => Results.Json(response, DiscordJsonContext.Default.InteractionResponse);
}

using System.Text.Json;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Queue;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;
using Microsoft.Extensions.Options;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Chat.Discord.Inbound;

// POST /discord/interactions: verify the raw bytes, then route each interaction to what answers it: PING → PONG,
// /analyze and "Analyze video" → DiscordAnalyzeIntake, Cancel → DiscordCancels, Delete → DiscordDeletes, /ask and its
// button → DiscordAskEndpoint, /settings → DiscordSettingsEndpoint, /usage → DiscordUsage.
public static class DiscordInteractionEndpoint
{
    public const string Path = "/discord/interactions";

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
                Respond(interaction.GuildId is { } asked && await DiscordAccess.RefusalAsync(interaction, asked, settings, logger, cancellationToken) is { } refused
                    ? DiscordRenderer.Ephemeral(refused)
                    : await DiscordAskEndpoint.CommandAsync(interaction, questions, time, cancellationToken)),
            InteractionType.ApplicationCommand when interaction.Data?.Name == DiscordSettingsCommand.Name =>
                RespondAny(await DiscordSettingsEndpoint.CommandAsync(interaction, settings, rules, spend, cancellationToken)),
            InteractionType.ApplicationCommand =>
                Respond(await DiscordAnalyzeIntake.AnalyzeAsync(interaction, queue, statusMessages, options.Value, settings, time, logger, cancellationToken)),
            InteractionType.ApplicationCommandAutocomplete => Results.Json(
                await DiscordSettingsEndpoint.AutocompleteAsync(interaction, settings, rules, cancellationToken), DiscordJsonContext.Default.AutocompleteResponse),
            InteractionType.ModalSubmit when DiscordAskEndpoint.IsAsk(interaction.Data?.CustomId) =>
                Respond(await DiscordAskEndpoint.ModalAsync(interaction, questions, cancellationToken)),
            InteractionType.MessageComponent when DiscordAskEndpoint.IsAsk(interaction.Data?.CustomId) =>
                RespondAny(DiscordAskEndpoint.Button(interaction.Data!.CustomId!)),
            InteractionType.ModalSubmit => Respond(await DiscordSettingsEndpoint.ModalAsync(interaction, settings, rules, cancellationToken)),
            InteractionType.MessageComponent when DiscordDeleteButtons.Read(interaction.Data?.CustomId) is var (prefix, jobId) =>
                Respond(await DiscordDeletes.HandleAsync(interaction, prefix, jobId, queue, logger, cancellationToken)),
            InteractionType.MessageComponent => Respond(await DiscordCancels.CancelAsync(interaction, queue, cancellationToken)),
            _ => Respond(DiscordRenderer.Ephemeral("I don't know that command.")),
        };
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

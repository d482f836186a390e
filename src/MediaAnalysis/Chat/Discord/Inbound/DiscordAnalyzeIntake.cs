using System.Globalization;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Chat.Discord.Inbound;

// /analyze and "Analyze video": the checks a person is told about at once (installed, access, a video, its size and
// link, where answers can go, the language), then the job through the one intake and its status message as the
// inline reply, well inside Discord's 3 s.
public static class DiscordAnalyzeIntake
{
    public static async Task<InteractionResponse> AnalyzeAsync(
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
            return DiscordRenderer.Ephemeral(
                $"I only work in servers I've been added to. Add me to your server first: {DiscordInteractionEndpoint.InviteUrl(options.ApplicationId ?? interaction.ApplicationId)}");
        }
        if (await DiscordAccess.RefusalAsync(interaction, guild, settings, logger, cancellationToken) is { } refused)
        {
            return DiscordRenderer.Ephemeral(refused);
        }
        var (video, rejected, candidates) = DiscordVideoPicker.Pick(interaction);
        if (video is null)
        {
            return DiscordRenderer.Ephemeral(rejected is not null
                ? $"That file is {DiscordVideoPicker.Describe(rejected)}; /analyze takes a video or audio file."
                : "That message has no video or audio file to analyze.");
        }
        if (video.Size > queue.MaxVideoBytes)
        {
            return DiscordRenderer.Ephemeral($"That video is {Format.Bytes(video.Size)}; this bot takes up to {Format.Bytes(queue.MaxVideoBytes)}.");
        }
        if (!Uri.TryCreate(video.Url, UriKind.Absolute, out var url))
        {
            return DiscordRenderer.Ephemeral("Discord sent that file without a usable link; please try again.");
        }
        if (DiscordAnswerPlace.Refusal(interaction) is { } nowhere)
        {
            return DiscordRenderer.Ephemeral(nowhere);
        }
        // The slash command's optional `language`; the message command detects.
        var asked = interaction.Data?.Options?.FirstOrDefault(o => o.Name == DiscordCommands.LanguageOption)?.StringValue;
        var language = SpeechLanguages.Parse(asked);
        if (asked is not null && language is null)
        {
            return DiscordRenderer.Ephemeral(SpeechLanguages.Hint(asked));
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
            return DiscordRenderer.Ephemeral(IntakeText.StoreUnavailable);
        }
        DiscordLog.InteractionQueued(logger, interaction.Id, result.Outcome.ToString());
        if (result.Outcome == EnqueueOutcome.Created && result.Job is { } created)
        {
            statusMessages.Learn(created.Id, created.PlatformState);
        }
        var note = candidates > 1 ? $"That message has {candidates} videos; I'm analyzing the first, {DiscordAttachmentName.Of(video)}." : null;
        return result.Outcome switch
        {
            EnqueueOutcome.Created or EnqueueOutcome.Duplicate => new InteractionResponse
            {
                Type = InteractionCallbackType.ChannelMessageWithSource,
                Data = DiscordRenderer.Status(status! with { Note = note ?? status!.Note }),
            },
            EnqueueOutcome.AlreadyActive => DiscordRenderer.Ephemeral(status?.QueuePosition is { } position
                ? $"You already asked for this video: it is {StatusText.Ordinal(position)} in line. Its status message is above."
                : "You already asked for this video and it is being analyzed now. Its status message is above."),
            EnqueueOutcome.OverLimit => DiscordRenderer.Ephemeral(result.Refusal ?? "A limit of this server refused the video."),
            _ => DiscordRenderer.Ephemeral(
                $"This server already has {queue.MaxPendingPerTenant} videos waiting; try again when one finishes."),
        };
    }
}

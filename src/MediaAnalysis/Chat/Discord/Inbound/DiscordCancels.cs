using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Queue;

namespace MediaAnalysis.Chat.Discord.Inbound;

// The Cancel button: the asker or a member who can manage messages, for a job of this server only.
public static class DiscordCancels
{
    public static async Task<InteractionResponse> CancelAsync(Interaction interaction, JobQueue queue, CancellationToken cancellationToken)
    {
        if (DiscordRenderer.CancelledJobId(interaction.Data?.CustomId) is not { } jobId
            || await queue.GetAsync(jobId, cancellationToken) is not { } job
            // A button copied into another server (or a forged click) says nothing about that server's job.
            || job.Platform != DiscordReplier.PlatformName || job.Tenant != interaction.GuildId)
        {
            return DiscordRenderer.Ephemeral("That job is no longer known.");
        }
        var invoker = interaction.Invoker;
        var moderator = DiscordPermissions.Has(interaction.Member?.Permissions, DiscordPermissions.ManageMessages);
        if (invoker?.Id != job.RequesterId && !moderator)
        {
            return DiscordRenderer.Ephemeral($"Only <@{job.RequesterId}> or someone who can manage messages can cancel this.");
        }
        var outcome = await queue.CancelAsync(jobId, invoker is null ? "someone" : $"<@{invoker.Id}>", cancellationToken);
        return outcome is CancelOutcome.AlreadyFinished or CancelOutcome.NotFound
            ? (DiscordRenderer.Ephemeral("That job has already finished."))
            : (InteractionResponse.DeferredUpdate);
    }
}

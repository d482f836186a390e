using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Queue;

namespace MediaAnalysis.Chat.Discord.Inbound;

// The Delete button on a finished job's status, its question and the answer to it. Only a job of this server, and
// only the member who asked for it or one who can manage the server, may delete it; the check is made at each click.
public static class DiscordDeletes
{
    public const string Unknown = "That job is no longer known; its results may have been deleted already.";

    public static async Task<InteractionResponse> HandleAsync(Interaction interaction, string prefix, string jobId, JobQueue queue, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(queue);
        if (prefix == DiscordDeleteButtons.Keep)
        {
            return DiscordDeleteButtons.Answer("Kept: nothing was deleted.");
        }
        var job = await queue.GetAsync(jobId, cancellationToken);
        // A button copied into another server (or a forged click) says nothing about that server's job.
        if (job is null || job.Platform != DiscordReplier.PlatformName || job.Tenant != interaction.GuildId)
        {
            return Refuse(prefix, Unknown);
        }
        var invoker = interaction.Invoker;
        var permissions = interaction.Member?.Permissions;
        var manager = DiscordPermissions.Has(permissions, DiscordPermissions.ManageGuild) || DiscordPermissions.Has(permissions, DiscordPermissions.Administrator);
        if (invoker?.Id != job.RequesterId && !manager)
        {
            DiscordLog.DeleteRefused(logger, jobId, invoker?.Id ?? "-");
            return Refuse(prefix, $"Only <@{job.RequesterId}>, who asked for it, or someone who can manage this server can delete these results.");
        }
        if (prefix == DiscordDeleteButtons.Ask)
        {
            return job.State is Jobs.JobState.Queued or Jobs.JobState.Running
                ? DiscordRenderer.Ephemeral("That job is still running; cancel it first.")
                : DiscordDeleteButtons.Question(job.SourceName, jobId);
        }
        var outcome = await queue.DeleteAsync(jobId, invoker is null ? "someone" : $"<@{invoker.Id}>", cancellationToken);
        return DiscordDeleteButtons.Answer(outcome switch
        {
            DeleteOutcome.Deleted => "Deleted: the transcript, the answers and the results page are gone.",
            DeleteOutcome.NotFinished => "That job is running again; nothing was deleted.",
            _ => "Those results were deleted already.",
        });
    }

    // On the status's button: a message only the clicker sees; on the question: the question replaced.
    private static InteractionResponse Refuse(string prefix, string text) =>
        prefix == DiscordDeleteButtons.Ask ? DiscordRenderer.Ephemeral(text) : DiscordDeleteButtons.Answer(text);
}

using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord;

public sealed partial class DiscordReplier
{
    // The asker, added to the thread and mentioned once in a short closing message there (allowed mentions:
    // that user only). The message's nonce comes from the job, so a retry after a lost answer, or a restart
    // before the state was saved, returns the first message instead of a second one.
    public async Task NotifyEndAsync(ReplyContext job, JobStatus final, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(final);
        var state = DiscordJobState.Parse(job.PlatformState);
        if (state.Notified || !final.IsFinished || !IsSnowflake(job.RequesterId))
        {
            return;
        }
        var name = $"**{DiscordText.EscapeMarkdown(TextClip.Clip(job.SourceName, 100))}**";
        var body = new MessageBody
        {
            Content = TextClip.Clip($"<@{job.RequesterId}> {StatusText.Closing(final, name)}", DiscordLimits.Content),
            AllowedMentions = new AllowedMentions { Parse = [], Users = [job.RequesterId] },
        };
        var type = (ChannelType)state.ChannelType;
        var target = state.AnswersChannelId is { Length: > 0 } decided ? decided
            : type is ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread
                || DiscordPermissions.Has(DiscordPermissions.Format(state.AppPermissions), DiscordPermissions.ForChannel) ? state.ChannelId
            : null;
        if (target is null)
        {
            if (!TokenAlive(state))
            {
                DiscordLog.NotifyFailed(logger, job.JobId, "no channel to post in and the interaction token has expired");
                return;
            }
            await api.CreateFollowupAsync(state.ApplicationId, state.InteractionToken, body, cancellationToken);
        }
        else
        {
            if (state.InThread && target == state.AnswersChannelId)
            {
                await AddToThreadAsync(job, target, cancellationToken);
            }
            await api.CreateMessageAsync(target, body with { Nonce = $"end-{job.JobId[..Math.Min(job.JobId.Length, 21)]}", EnforceNonce = true }, cancellationToken);
        }
        await job.SavePlatformStateAsync((DiscordJobState.Parse(job.PlatformState) with { Notified = true }).Serialize(), cancellationToken);
    }

    // Joining the thread keeps it in the asker's channel list; the mention alone would ping them only.
    private async Task AddToThreadAsync(ReplyContext job, string threadId, CancellationToken cancellationToken)
    {
        try
        {
            await api.AddThreadMemberAsync(threadId, job.RequesterId, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.Status is >= 400 and < 500)
        {
            DiscordLog.NotifyFailed(logger, job.JobId, ex.Message);
        }
    }

    private static bool IsSnowflake(string id) => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit);
}

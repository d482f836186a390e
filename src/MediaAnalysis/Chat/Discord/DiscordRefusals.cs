using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord;

// Discord's refusals to take the answers, in words that say what to do (as the Slack side does). Anything
// else stays an error: the job then fails with the generic sentence and a reference the operator finds in the log.
public static class DiscordRefusals
{
    public static string? Explain(DiscordApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            DiscordErrorCodes.MissingAccess =>
                "I can't see this channel any more (Missing Access). Give me View Channel here, or ask again in a channel I can see.",
            DiscordErrorCodes.MissingPermissions =>
                "I'm missing a permission to post the answers here (Missing Permissions). Give me Send Messages, Send Messages in Threads, "
                + "Embed Links and Attach Files in this channel, then ask again.",
            DiscordErrorCodes.ThreadLocked =>
                "The thread is locked, so I couldn't post the answers. A moderator can unlock it; or ask again in the channel.",
            DiscordErrorCodes.ArchivedThread =>
                "The thread is archived, so I couldn't post the answers. Reopen it by sending a message in it, then ask again.",
            DiscordErrorCodes.AutoModBlocked or DiscordErrorCodes.AutoModTitleBlocked =>
                "This server's AutoMod blocked my answer. A moderator can allow it in Server Settings → AutoMod, or ask again where AutoMod doesn't apply.",
            DiscordErrorCodes.UnknownChannel =>
                "This channel or thread no longer exists, so I couldn't post the answers. Ask again in another channel.",
            _ => null,
        };
    }

    // Runs a post; a refusal ends the job with its sentence instead of a stack trace.
    public static async Task Guard(Func<Task> post)
    {
        ArgumentNullException.ThrowIfNull(post);
        try
        {
            await post();
        }
        catch (DiscordApiException ex) when (Explain(ex) is { } sentence)
        {
            throw new AnalysisFailedException(FailureKind.ReplyFailed, sentence, ex);
        }
    }
}

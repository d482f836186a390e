using System.Globalization;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;

namespace MediaAnalysis.Chat.Discord.Inbound;

// Whether the answers can go anywhere, decided from the interaction before a job is made: where the bot can
// neither start a thread nor post in the channel (or cannot post in the thread it was asked in), the asker
// hears so at once, with the missing permissions named, instead of answers sent as follow-ups that die
// with the interaction token after 15 minutes.
internal static class DiscordAnswerPlace
{
    private const ulong InThread = DiscordPermissions.ViewChannel | DiscordPermissions.SendMessagesInThreads
        | DiscordPermissions.EmbedLinks | DiscordPermissions.AttachFiles;

    private static readonly (ulong Bit, string Name)[] Names =
    [
        (DiscordPermissions.ViewChannel, "View Channel"),
        (DiscordPermissions.SendMessages, "Send Messages"),
        (DiscordPermissions.CreatePublicThreads, "Create Public Threads"),
        (DiscordPermissions.SendMessagesInThreads, "Send Messages in Threads"),
        (DiscordPermissions.EmbedLinks, "Embed Links"),
        (DiscordPermissions.AttachFiles, "Attach Files"),
    ];

    // Null when the answers have a place; otherwise the sentence for the asker.
    public static string? Refusal(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (!ulong.TryParse(interaction.AppPermissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return null; // not sent: let the job try, as before
        }
        var channel = interaction.Channel;
        switch (channel?.Type ?? ChannelType.GuildText)
        {
            case ChannelType.PublicThread or ChannelType.PrivateThread or ChannelType.AnnouncementThread:
                if (channel?.ThreadMetadata is { Locked: true })
                {
                    return "This thread is locked, so I couldn't post the answers in it. Ask in the channel, or have a moderator unlock the thread.";
                }
                if (channel?.ThreadMetadata is { Archived: true })
                {
                    return "This thread is archived, so I couldn't post the answers in it. Send a message in it to reopen it, then ask again.";
                }
                return (bits & InThread) == InThread ? null
                    : $"I can't post the answers in this thread: I'm missing {Missing(bits, InThread)}. A server admin can give me that, or ask me in a channel where I can post.";
            case ChannelType.GuildText or ChannelType.GuildAnnouncement:
                if ((bits & DiscordPermissions.ForThread) == DiscordPermissions.ForThread || (bits & DiscordPermissions.ForChannel) == DiscordPermissions.ForChannel)
                {
                    return null;
                }
                return $"I can't post the answers here: I'm missing {Missing(bits, DiscordPermissions.ForChannel)} in this channel "
                    + $"(or {Missing(bits, DiscordPermissions.ForThread)} to answer in a thread). A server admin can give me those, or ask me in a channel where I can post.";
            default:
                return null;
        }
    }

    private static string Missing(ulong bits, ulong required)
    {
        var names = Names.Where(n => (required & n.Bit) != 0 && (bits & n.Bit) == 0).Select(n => n.Name).ToList();
        return names.Count switch
        {
            0 => "nothing",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }
}

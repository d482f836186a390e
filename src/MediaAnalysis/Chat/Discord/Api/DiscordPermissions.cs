using System.Globalization;

namespace MediaAnalysis.Chat.Discord.Api;

// Permission bits as Discord sends them: a decimal string (app_permissions, member.permissions).
public static class DiscordPermissions
{
    public const ulong SendMessages = 1UL << 11;
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong CreatePublicThreads = 1UL << 35;
    public const ulong CreatePrivateThreads = 1UL << 36;
    public const ulong SendMessagesInThreads = 1UL << 38;

    // What starting a thread from the status message and posting answers into it take.
    public const ulong ForThread = ViewChannel | CreatePublicThreads | SendMessagesInThreads | EmbedLinks | AttachFiles;

    // What posting answers into the channel itself takes.
    public const ulong ForChannel = ViewChannel | SendMessages | EmbedLinks | AttachFiles;

    // For the install link: every bit above plus READ_MESSAGE_HISTORY = 309237763072.
    public const ulong Install = ForThread | ForChannel | ReadMessageHistory;

    // A member's: who may cancel someone else's job.
    public const ulong ManageMessages = 1UL << 13;

    public static bool Has(string? bitfield, ulong required) =>
        ulong.TryParse(bitfield, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & required) == required;

    public static string Format(ulong bits) => bits.ToString(CultureInfo.InvariantCulture);
}


namespace MediaAnalysis.Chat.Discord.Api;

// JSON error codes worth a decision (opcodes-and-status-codes.mdx).
public static class DiscordErrorCodes
{
    public const int General = 0;
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int RequestEntityTooLarge = 40005;
    public const int CloudflareBlocked = 40333;
    public const int AlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int EmptyMessage = 50006;
    public const int MissingPermissions = 50013;
    public const int InvalidChannelType = 50024;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int ArchivedThread = 50083;
    public const int ThreadAlreadyCreated = 160004;
    public const int ThreadLocked = 160005;
    public const int MaxActiveThreads = 160006;
    public const int AutoModBlocked = 200000;
    public const int AutoModTitleBlocked = 200001;
}

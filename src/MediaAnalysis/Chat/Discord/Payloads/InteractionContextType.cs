
namespace MediaAnalysis.Chat.Discord.Payloads;

public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}


namespace MediaAnalysis.Chat.Discord.Payloads;

public enum ApplicationCommandType
{
    None = 0,
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}

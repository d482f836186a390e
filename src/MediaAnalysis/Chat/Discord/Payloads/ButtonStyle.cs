
namespace MediaAnalysis.Chat.Discord.Payloads;

public enum ButtonStyle
{
    None = 0,
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

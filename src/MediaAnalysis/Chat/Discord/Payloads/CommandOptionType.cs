
namespace MediaAnalysis.Chat.Discord.Payloads;

public enum CommandOptionType
{
    None = 0,
    SubCommand = 1,
    SubCommandGroup = 2,
#pragma warning disable CA1720 // Discord's own names for these option types.
    String = 3,
    Integer = 4,
#pragma warning restore CA1720
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

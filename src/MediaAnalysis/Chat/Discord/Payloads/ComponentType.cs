
namespace MediaAnalysis.Chat.Discord.Payloads;

public enum ComponentType
{
    None = 0,
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    Label = 18,
}

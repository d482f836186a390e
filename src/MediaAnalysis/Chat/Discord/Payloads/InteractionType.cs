
namespace MediaAnalysis.Chat.Discord.Payloads;

public enum InteractionType
{
    None = 0,
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

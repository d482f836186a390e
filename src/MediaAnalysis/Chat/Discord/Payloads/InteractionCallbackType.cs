
namespace MediaAnalysis.Chat.Discord.Payloads;

public enum InteractionCallbackType
{
    None = 0,
    Pong = 1,
    ChannelMessageWithSource = 4,
    // The user sees "thinking…"; edit @original later.
    DeferredChannelMessageWithSource = 5,
    // Components only: acknowledge a click without changing the message now.
    DeferredUpdateMessage = 6,
    // Components only: replace the message the component is on.
    UpdateMessage = 7,
    // Autocomplete interactions only: up to 25 choices.
    ApplicationCommandAutocompleteResult = 8,
    // Opens a modal (not in answer to a modal submit).
    Modal = 9,
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord;

// The interaction an adapter state replies through (DiscordJobState, DiscordQuestionState): its application, its
// token (it lives 15 minutes; it never goes to a log) and when it arrived. Kept flat in each state's JSON.
public abstract record DiscordInteractionState
{
    [JsonPropertyName("app")]
    public required string ApplicationId { get; init; }

    [JsonPropertyName("token")]
    public required string InteractionToken { get; init; }

    // Unix ms when the interaction arrived: its token lives 15 minutes.
    [JsonPropertyName("at")]
    public long CreatedAt { get; init; }
}

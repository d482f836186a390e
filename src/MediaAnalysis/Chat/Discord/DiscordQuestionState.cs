using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord;

// What the Discord adapter keeps with a question (questions.reply_state): the interaction whose deferred reply
// the answer replaces while its token lives (15 minutes). Holds the token: it never goes to a log.
public sealed record DiscordQuestionState
{
    [JsonPropertyName("app")]
    public required string ApplicationId { get; init; }

    [JsonPropertyName("token")]
    public required string InteractionToken { get; init; }

    // Unix ms when the interaction arrived.
    [JsonPropertyName("at")]
    public long CreatedAt { get; init; }

    public string Serialize() => JsonSerializer.Serialize(this, DiscordStateJsonContext.Default.DiscordQuestionState);

    public static DiscordQuestionState? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(json, DiscordStateJsonContext.Default.DiscordQuestionState);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

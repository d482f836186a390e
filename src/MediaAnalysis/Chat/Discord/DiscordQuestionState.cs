using System.Text.Json;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord;

// What the Discord adapter keeps with a question (questions.reply_state): the interaction whose deferred reply
// the answer replaces while its token lives (15 minutes).
public sealed record DiscordQuestionState : DiscordInteractionState
{
    public string Serialize() => JsonSerializer.Serialize(this, DiscordStateJsonContext.Default.DiscordQuestionState);

    // None, or unreadable: the answer goes to the thread with the bot token.
    public static DiscordQuestionState? Parse(string? json) => StoredJson.ReadOrNull(json, DiscordStateJsonContext.Default.DiscordQuestionState);
}

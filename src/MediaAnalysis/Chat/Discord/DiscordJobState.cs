using System.Text.Json;
using System.Text.Json.Serialization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord;

// What the Discord adapter keeps with each job (jobs.platform_state): the interaction (DiscordInteractionState), and
// enough to edit the status message and find the thread again after a restart.
public sealed record DiscordJobState : DiscordInteractionState
{
    [JsonPropertyName("channel")]
    public required string ChannelId { get; init; }

    [JsonPropertyName("channel_type")]
    public int ChannelType { get; init; }

    [JsonPropertyName("perms")]
    public ulong AppPermissions { get; init; }

    [JsonPropertyName("status_message")]
    public string? StatusMessageId { get; init; }

    // Where answers go once decided: a thread, or the channel itself.
    [JsonPropertyName("answers_in")]
    public string? AnswersChannelId { get; init; }

    [JsonPropertyName("thread")]
    public bool InThread { get; init; }

    // The interaction token was refused (expired early, or the interaction is gone): use the bot token only.
    [JsonPropertyName("token_gone")]
    public bool TokenGone { get; init; }

    // The asker was told the job ended (mentioned, added to the thread): never twice, restarts included.
    [JsonPropertyName("notified")]
    public bool Notified { get; init; }

    // The JSON text a job's state holds when its answers go to this thread (a snowflake: digits only), as
    // Serialize writes it, for finding the thread's job (IQuestionStore.JobInThreadAsync).
    public static string AnswersIn(string threadId) => $"\"answers_in\":\"{threadId}\"";

    public string Serialize() => JsonSerializer.Serialize(this, DiscordStateJsonContext.Default.DiscordJobState);

    public static DiscordJobState Parse(string? json) => StoredJson.ReadJobState(json, DiscordStateJsonContext.Default.DiscordJobState, "Discord state");
}

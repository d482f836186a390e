using System.Text.Json;
using System.Text.Json.Serialization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack;

// What the Slack adapter keeps with each job: where the video's thread is and which message is the status.
public sealed record SlackJobState
{
    [JsonPropertyName("channel")]
    public required string Channel { get; init; }

    // The thread the answers go to: the video message's own thread.
    [JsonPropertyName("thread_ts")]
    public required string ThreadTs { get; init; }

    [JsonPropertyName("status_ts")]
    public string? StatusTs { get; init; }

    // An answer may have been posted (set before the first): a resumed job reads the thread for what is there.
    [JsonPropertyName("answers_begun")]
    public bool AnswersBegun { get; init; }

    // The asker was told the job ended: never twice, restarts included.
    [JsonPropertyName("notified")]
    public bool Notified { get; init; }

    // The JSON text a job's state holds for this thread, as Serialize writes it (channel, then thread_ts), for
    // finding the thread's job (IQuestionStore.JobInThreadAsync). Slack ids and timestamps need no escaping.
    public static string Thread(string channel, string threadTs) => $"\"channel\":\"{channel}\",\"thread_ts\":\"{threadTs}\"";

    public string Serialize() => JsonSerializer.Serialize(this, SlackStateJsonContext.Default.SlackJobState);

    public static SlackJobState Parse(string? json) => StoredJson.ReadJobState(json, SlackStateJsonContext.Default.SlackJobState, "Slack state");
}

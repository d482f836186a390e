using System.Text.Json;
using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Chat.Slack.Rendering;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue.Questions;

namespace MediaAnalysis.Chat.Slack;

// A question's answer as a threaded reply in the thread it was asked in (QuestionRecord.Channel, and the thread's
// ts kept as its ReplyState). Slack has no idempotency key for posts, so the reply carries metadata naming the
// question; an answer stored before this process started (a restart posting what was answered but not marked
// posted) is looked for in the thread first and not posted again when it is there.
public sealed class SlackQuestionReplier(SlackApiClient api, TimeProvider time) : IQuestionReplier
{
    public const string EventType = "media_analysis_question";
    private const int MaxThreadPages = 20;
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public string Platform => SlackReplier.PlatformName;

    public async Task PostAnswerAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.AnsweredAt < _started && await InThreadAsync(question, cancellationToken))
        {
            return;
        }
        var message = SlackQuestionRenderer.Answer(question);
        await api.PostMessageAsync(question.Channel, question.ReplyState, message.Text, message.Blocks, Mark(question.Key), cancellationToken);
    }

    public Task PostFailureAsync(QuestionRecord question, string failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var message = SlackQuestionRenderer.Failure(question, failure);
        return api.PostMessageAsync(question.Channel, question.ReplyState, message.Text, message.Blocks, cancellationToken);
    }

    private static MessageMetadata Mark(string key) => new()
    {
        EventType = EventType,
        EventPayload = JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["question"] = JsonSerializer.SerializeToElement(key, SlackJsonContext.Default.String),
        }, SlackJsonContext.Default.DictionaryStringJsonElement),
    };

    // Whether the thread already holds this question's answer; a thread that cannot be read counts as not (at worst
    // the answer twice, never none).
    private async Task<bool> InThreadAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        if (question.ReplyState is not { } threadTs)
        {
            return false;
        }
        try
        {
            string? cursor = null;
            for (var page = 0; page < MaxThreadPages; page++)
            {
                var replies = await api.ThreadRepliesAsync(question.Channel, threadTs, cursor, cancellationToken);
                if ((replies.Messages ?? []).Any(m => m.Metadata is { EventType: EventType, EventPayload: { ValueKind: JsonValueKind.Object } payload }
                    && payload.TryGetProperty("question", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == question.Key))
                {
                    return true;
                }
                if ((cursor = replies.NextCursor) is null)
                {
                    break;
                }
            }
        }
        catch (SlackApiException)
        {
            return false;
        }
        return false;
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack;

// Slack has no idempotency key for posts, so each answer message carries metadata naming its job, answer
// (prompt and model) and part. A job resumed after the process died between a post and the store's mark reads
// its thread once (conversations.replies, include_all_metadata) and skips the parts already there. A job that
// never began posting answers (SlackJobState.AnswersBegun) needs no read.
public sealed class SlackAnswerMarks(SlackApiClient api, ILogger logger)
{
    public const string EventType = "media_analysis_answer";
    private const int MaxThreadPages = 20;

    // Per job: the (prompt, model, part) already in its thread, as read once and kept up to date by Record.
    private readonly ConcurrentDictionary<string, HashSet<(string Prompt, string Model, int Part)>> _known = new(StringComparer.Ordinal);

    public static MessageMetadata For(string jobId, ModelOutcome outcome, int part)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var payload = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["job_id"] = JsonSerializer.SerializeToElement(jobId, SlackJsonContext.Default.String),
            ["prompt"] = JsonSerializer.SerializeToElement(outcome.Prompt, SlackJsonContext.Default.String),
            ["model"] = JsonSerializer.SerializeToElement(outcome.Model, SlackJsonContext.Default.String),
            ["part"] = JsonSerializer.SerializeToElement(part, SlackJsonContext.Default.Int32),
        };
        return new MessageMetadata { EventType = EventType, EventPayload = JsonSerializer.SerializeToElement(payload, SlackJsonContext.Default.DictionaryStringJsonElement) };
    }

    // The parts of this answer already in the thread (empty for a job whose answers never began).
    public async Task<IReadOnlySet<int>> PostedPartsAsync(string jobId, SlackJobState state, ModelOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!state.AnswersBegun)
        {
            _known.TryAdd(jobId, []);
            return new HashSet<int>();
        }
        if (!_known.TryGetValue(jobId, out var known))
        {
            known = await ReadThreadAsync(jobId, state, cancellationToken);
            known = _known.GetOrAdd(jobId, known);
        }
        lock (known)
        {
            return known.Where(k => k.Prompt == outcome.Prompt && k.Model == outcome.Model).Select(k => k.Part).ToHashSet();
        }
    }

    public void Record(string jobId, ModelOutcome outcome, int part)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var known = _known.GetOrAdd(jobId, _ => []);
        lock (known)
        {
            known.Add((outcome.Prompt, outcome.Model, part));
        }
    }

    public void Forget(string jobId) => _known.TryRemove(jobId, out _);

    private async Task<HashSet<(string, string, int)>> ReadThreadAsync(string jobId, SlackJobState state, CancellationToken cancellationToken)
    {
        var found = new HashSet<(string, string, int)>();
        try
        {
            string? cursor = null;
            for (var page = 0; page < MaxThreadPages; page++)
            {
                var answer = await api.ThreadRepliesAsync(state.Channel, state.ThreadTs, cursor, cancellationToken);
                foreach (var message in answer.Messages ?? [])
                {
                    if (Read(message.Metadata, jobId) is { } mark)
                    {
                        found.Add(mark);
                    }
                }
                if ((cursor = answer.NextCursor) is null)
                {
                    break;
                }
            }
        }
        catch (SlackApiException ex)
        {
            // Without the thread, what the store has not marked is posted: at worst one answer twice, never none.
            SlackLog.ThreadReadFailed(logger, jobId, ex.Error);
        }
        return found;
    }

    private static (string, string, int)? Read(MessageMetadata? metadata, string jobId)
    {
        if (metadata is not { EventType: EventType, EventPayload: { ValueKind: JsonValueKind.Object } payload }
            || Text(payload, "job_id") != jobId
            || Text(payload, "prompt") is not { } prompt
            || Text(payload, "model") is not { } model
            || !payload.TryGetProperty("part", out var part) || part.ValueKind != JsonValueKind.Number || !part.TryGetInt32(out var index))
        {
            return null;
        }
        return (prompt, model, index);
    }

    private static string? Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

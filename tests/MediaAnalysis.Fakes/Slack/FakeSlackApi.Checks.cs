using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Slack;

public sealed partial class FakeSlackApi
{
    // The channel id when the bot may use it; otherwise answers channel_not_found or not_in_channel and returns null.
    private async Task<string?> RefuseChannelAsync(HttpContext context, string? channel)
    {
        if (string.IsNullOrEmpty(channel))
        {
            await ErrorAsync(context, "channel_not_found");
            return null;
        }
        if (Locked(() => _notInChannel.Contains(channel)))
        {
            await ErrorAsync(context, "not_in_channel");
            return null;
        }
        return channel;
    }

    private async Task<bool> RefuseContentAsync(HttpContext context, string method, string? text, JsonElement? blocks, List<string> warnings)
    {
        var problems = FakeSlackBlockRules.Check(text, blocks);
        foreach (var problem in problems)
        {
            Violation($"{method}: {problem}");
        }
        var refusals = problems.Where(p => !p.StartsWith("text is", StringComparison.Ordinal)).ToList();
        if (refusals.Count == 0)
        {
            if (problems.Count > 0)
            {
                warnings.Add("message_truncated");
            }
            return false;
        }
        var error = refusals.Any(p => p.StartsWith("no_text", StringComparison.Ordinal)) ? "no_text"
            : refusals.Any(p => p.StartsWith("msg_blocks_too_long", StringComparison.Ordinal)) ? "msg_blocks_too_long"
            : "invalid_blocks";
        await ErrorAsync(context, error, messages: refusals);
        return true;
    }

    // Slack's rules for metadata: an object with a string event_type and an object event_payload; a JSON string
    // in a form field. (null, null) when there is none.
    private static (JsonElement? Metadata, string? Error) MetadataOf(FakeSlackRequest request)
    {
        JsonElement? metadata = null;
        if (request.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("metadata", out var m))
        {
            metadata = m.ValueKind == JsonValueKind.String ? ParseMetadata(m.GetString()) : m.Clone();
        }
        else if (request.Form.TryGetValue("metadata", out var text))
        {
            metadata = ParseMetadata(text);
        }
        if (metadata is null)
        {
            return (null, null);
        }
        var valid = metadata is { ValueKind: JsonValueKind.Object } o
            && o.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is { Length: > 0 }
            && o.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object;
        return valid ? (metadata, null) : (null, "invalid_metadata_format");
    }

    private static JsonElement? ParseMetadata(string? text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("\"invalid\"").RootElement.Clone();
        }
    }

    private static JsonObject MessageJson(FakeSlackMessage message, bool withMetadata)
    {
        var json = MessageJson(message);
        if (withMetadata && message.Metadata is { } metadata)
        {
            json["metadata"] = JsonNode.Parse(metadata.GetRawText());
        }
        return json;
    }

    private static JsonObject MessageJson(FakeSlackMessage message)
    {
        var json = new JsonObject { ["type"] = "message", ["text"] = message.Text ?? "", ["user"] = message.User, ["ts"] = message.Ts };
        if (message.BotId is not null)
        {
            json["bot_id"] = message.BotId;
        }
        if (message.ThreadTs is not null)
        {
            json["thread_ts"] = message.ThreadTs;
        }
        if (message.Blocks is { } blocks)
        {
            json["blocks"] = JsonNode.Parse(blocks.GetRawText());
        }
        return json;
    }
}

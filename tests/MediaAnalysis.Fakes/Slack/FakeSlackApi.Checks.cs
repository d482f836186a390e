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

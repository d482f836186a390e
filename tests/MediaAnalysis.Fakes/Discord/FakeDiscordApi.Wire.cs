using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaAnalysis.Fakes.Discord;

public sealed partial class FakeDiscordApi
{
    // files[n] parts need a filename; every `attachments` entry of payload_json must name an uploaded part.
    private FakeDiscordError? CheckFiles(JsonElement payload, IReadOnlyList<FakeDiscordPart> files)
    {
        foreach (var file in files)
        {
            if (string.IsNullOrEmpty(file.FileName))
            {
                return FakeDiscordError.InvalidForm("File part without a filename.", "BASE_TYPE_REQUIRED", file.Name);
            }
            if (file.Data.LongLength > UploadLimitBytes)
            {
                return new FakeDiscordError(413, 40005, "Request entity too large");
            }
        }
        foreach (var slot in FakeDiscordBodyRules.Array(payload, "attachments"))
        {
            var id = slot.TryGetProperty("id", out var value) ? value.ToString() : "";
            var part = files.FirstOrDefault(f => f.Name == $"files[{id}]");
            if (part is null || (FakeDiscordBodyRules.Text(slot, "filename") is { } name && name != part.FileName))
            {
                return FakeDiscordError.InvalidForm($"Attachment {id} has no matching files[{id}] part.", "ATTACHMENT_NOT_FOUND", "attachments");
            }
        }
        return null;
    }

    private static FakeDiscordMessage Apply(FakeDiscordMessage message, JsonElement payload, bool isEdit)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return message;
        }
        var updated = message with { Edits = message.Edits + (isEdit ? 1 : 0) };
        if (payload.TryGetProperty("content", out var content))
        {
            updated = updated with { Content = content.ValueKind == JsonValueKind.String ? content.GetString() : null };
        }
        if (payload.TryGetProperty("embeds", out var embeds))
        {
            updated = updated with { Embeds = embeds.ValueKind == JsonValueKind.Array ? [.. embeds.EnumerateArray().Select(x => x.Clone())] : [] };
        }
        if (payload.TryGetProperty("components", out var components))
        {
            updated = updated with { Components = components.ValueKind == JsonValueKind.Array ? [.. components.EnumerateArray().Select(x => x.Clone())] : [] };
        }
        return updated;
    }

    private string MessageJson(FakeDiscordMessage message)
    {
        var json = new JsonObject
        {
            ["id"] = message.Id,
            ["channel_id"] = message.ChannelId,
            ["type"] = 0,
            ["content"] = message.Content ?? "",
            ["author"] = new JsonObject { ["id"] = BotUserId, ["username"] = "MediaAnalysis", ["global_name"] = null, ["bot"] = true },
            ["embeds"] = new JsonArray([.. message.Embeds.Select(e => JsonNode.Parse(e.GetRawText()))]),
            ["components"] = new JsonArray([.. message.Components.Select(c => JsonNode.Parse(c.GetRawText()))]),
            ["attachments"] = new JsonArray([.. message.Files.Select((f, i) => (JsonNode)new JsonObject
            {
                ["id"] = (long.Parse(message.Id, CultureInfo.InvariantCulture) + i + 1).ToString(CultureInfo.InvariantCulture),
                ["filename"] = f.FileName,
                ["size"] = f.Data.Length,
                ["content_type"] = f.ContentType,
                ["url"] = $"{BaseAddress}attachments/{message.ChannelId}/{message.Id}/{f.FileName}",
            })]),
            ["mentions"] = new JsonArray(),
            ["pinned"] = false,
            ["tts"] = false,
            ["flags"] = message.Flags,
            ["timestamp"] = message.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = message.Edits > 0 ? DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) : null,
        };
        if (message.ViaWebhook)
        {
            json["webhook_id"] = ApplicationId;
        }
        if (message.Nonce is not null)
        {
            json["nonce"] = message.Nonce;
        }
        return json.ToJsonString();
    }

    private string ChannelJson(FakeDiscordChannel channel) => new JsonObject
    {
        ["id"] = channel.Id,
        ["type"] = channel.Type,
        ["guild_id"] = GuildId,
        ["parent_id"] = channel.ParentId,
        ["name"] = channel.Name,
        ["owner_id"] = BotUserId,
        ["message_count"] = 0,
        ["member_count"] = 1,
        ["rate_limit_per_user"] = 0,
        ["thread_metadata"] = new JsonObject
        {
            ["archived"] = channel.Archived,
            ["auto_archive_duration"] = channel.AutoArchiveDuration ?? 4320,
            ["locked"] = channel.Locked,
            ["archive_timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        },
    }.ToJsonString();

    private FakeDiscordReply Commands(string? guildId, JsonElement payload)
    {
        if (FakeDiscordCommandRules.Check(payload) is { } error)
        {
            return Reply(error);
        }
        var registered = new JsonArray();
        foreach (var command in payload.EnumerateArray())
        {
            var node = JsonNode.Parse(command.GetRawText())!.AsObject();
            node["id"] = NextId();
            node["application_id"] = ApplicationId;
            node["version"] = NextId();
            node["type"] = FakeDiscordBodyRules.Number(command, "type") ?? 1;
            if (guildId is not null)
            {
                node["guild_id"] = guildId;
            }
            registered.Add(node);
        }
        using var document = JsonDocument.Parse(registered.ToJsonString());
        lock (_gate)
        {
            _commands[guildId ?? ""] = [.. document.RootElement.EnumerateArray().Select(c => c.Clone())];
        }
        return Ok(registered.ToJsonString());
    }
}

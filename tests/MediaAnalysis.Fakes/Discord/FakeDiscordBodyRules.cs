using System.Globalization;
using System.Text.Json;

namespace MediaAnalysis.Fakes.Discord;

// Discord's documented limits on a message body, checked on every create and edit the fake receives, so a
// test fails when the bot would have been answered 400 / 50035. Lengths are UTF-16 units after trimming.
public static class FakeDiscordBodyRules
{
    public static FakeDiscordError? CheckMessage(JsonElement body, bool isCreate, int fileCount)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new FakeDiscordError(400, 50109, "The request body contains invalid JSON.");
        }
        var content = Text(body, "content");
        if (content is not null && content.Trim().Length > 2000)
        {
            return FakeDiscordError.InvalidForm("Must be 2000 or fewer in length.", "BASE_TYPE_MAX_LENGTH", "content");
        }
        var embeds = Array(body, "embeds");
        if (embeds.Count > 10)
        {
            return FakeDiscordError.InvalidForm("Must be 10 or fewer in length.", "BASE_TYPE_MAX_LENGTH", "embeds");
        }
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var (size, error) = CheckEmbed(embeds[i], i.ToString(CultureInfo.InvariantCulture));
            if (error is not null)
            {
                return error;
            }
            total += size;
        }
        if (total > 6000)
        {
            return FakeDiscordError.InvalidForm("Embed size exceeds maximum size of 6000", "MAX_EMBED_SIZE_EXCEEDED", "embeds");
        }
        if (CheckComponents(Array(body, "components")) is { } componentError)
        {
            return componentError;
        }
        if (body.TryGetProperty("allowed_mentions", out var mentions) && mentions.ValueKind != JsonValueKind.Object)
        {
            return FakeDiscordError.InvalidForm("Must be an object.", "MODEL_TYPE_CONVERT", "allowed_mentions");
        }
        if (Text(body, "nonce") is { Length: > 25 })
        {
            return FakeDiscordError.InvalidForm("Must be 25 or fewer in length.", "BASE_TYPE_MAX_LENGTH", "nonce");
        }
        var empty = string.IsNullOrWhiteSpace(content) && embeds.Count == 0 && Array(body, "components").Count == 0 && fileCount == 0;
        return isCreate && empty ? new FakeDiscordError(400, 50006, "Cannot send an empty message") : null;
    }

    private static (int Size, FakeDiscordError? Error) CheckEmbed(JsonElement embed, string index)
    {
        var title = Text(embed, "title")?.Trim() ?? "";
        var description = Text(embed, "description")?.Trim() ?? "";
        var footer = embed.TryGetProperty("footer", out var f) ? Text(f, "text")?.Trim() ?? "" : "";
        var author = embed.TryGetProperty("author", out var a) ? Text(a, "name")?.Trim() ?? "" : "";
        (string Value, int Max, string Name)[] checks = [(title, 256, "title"), (description, 4096, "description"), (footer, 2048, "footer"), (author, 256, "author")];
        foreach (var (value, max, name) in checks)
        {
            if (value.Length > max)
            {
                return (0, FakeDiscordError.InvalidForm($"Must be {max} or fewer in length.", "BASE_TYPE_MAX_LENGTH", "embeds", index, name));
            }
        }
        var fields = Array(embed, "fields");
        if (fields.Count > 25)
        {
            return (0, FakeDiscordError.InvalidForm("Must be 25 or fewer in length.", "BASE_TYPE_MAX_LENGTH", "embeds", index, "fields"));
        }
        var size = title.Length + description.Length + footer.Length + author.Length;
        foreach (var field in fields)
        {
            var name = Text(field, "name")?.Trim() ?? "";
            var value = Text(field, "value")?.Trim() ?? "";
            if (name.Length is 0 or > 256 || value.Length is 0 or > 1024)
            {
                return (0, FakeDiscordError.InvalidForm("Field name 1-256, value 1-1024.", "BASE_TYPE_BAD_LENGTH", "embeds", index, "fields"));
            }
            size += name.Length + value.Length;
        }
        if (embed.TryGetProperty("color", out var color) && (color.ValueKind != JsonValueKind.Number || !color.TryGetInt32(out var rgb) || rgb is < 0 or > 0xFFFFFF))
        {
            return (0, FakeDiscordError.InvalidForm("Must be an RGB integer.", "NUMBER_TYPE_MAX", "embeds", index, "color"));
        }
        return (size, null);
    }

    private static FakeDiscordError? CheckComponents(IReadOnlyList<JsonElement> rows)
    {
        if (rows.Count > 5)
        {
            return FakeDiscordError.InvalidForm("Must be 5 or fewer in length.", "BASE_TYPE_MAX_LENGTH", "components");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var buttons = Array(row, "components");
            if (Number(row, "type") != 1 || buttons.Count is 0 or > 5)
            {
                return FakeDiscordError.InvalidForm("An action row holds 1-5 buttons.", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "components");
            }
            foreach (var button in buttons)
            {
                var id = Text(button, "custom_id");
                var label = Text(button, "label");
                var url = Text(button, "url");
                // A link button (style 5) carries a url (at most 512, http(s)) and no custom_id; the others the reverse.
                var link = Number(button, "style") == 5;
                var valid = link
                    ? id is null && url is { Length: > 0 and <= 512 } && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal))
                    : Number(button, "style") is >= 1 and <= 4 && url is null && id is { Length: > 0 and <= 100 } && ids.Add(id);
                if (Number(button, "type") != 2 || !valid || label is { Length: > 80 })
                {
                    return FakeDiscordError.InvalidForm("Invalid button.", "COMPONENT_INVALID", "components");
                }
            }
        }
        return null;
    }

    public static FakeDiscordError? CheckThread(JsonElement body)
    {
        var name = Text(body, "name")?.Trim();
        if (name is null or { Length: 0 or > 100 })
        {
            return FakeDiscordError.InvalidForm("Must be between 1 and 100 in length.", "BASE_TYPE_BAD_LENGTH", "name");
        }
        return body.TryGetProperty("auto_archive_duration", out var archive) && Number(body, "auto_archive_duration") is not (60 or 1440 or 4320 or 10080)
            && archive.ValueKind != JsonValueKind.Null
            ? FakeDiscordError.InvalidForm("Value must be one of {60, 1440, 4320, 10080}.", "BASE_TYPE_CHOICES", "auto_archive_duration")
            : null;
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    internal static int? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number) ? number : null;

    internal static IReadOnlyList<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : [];
}

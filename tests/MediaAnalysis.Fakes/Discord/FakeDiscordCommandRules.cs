using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediaAnalysis.Fakes.Discord;

// The application-command rules Discord enforces on a bulk overwrite (application-commands.mdx).
public static partial class FakeDiscordCommandRules
{
    public static FakeDiscordError? Check(JsonElement commands)
    {
        if (commands.ValueKind != JsonValueKind.Array)
        {
            return FakeDiscordError.InvalidForm("Must be an array.", "MODEL_TYPE_CONVERT");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var command in commands.EnumerateArray())
        {
            var at = index++.ToString(CultureInfo.InvariantCulture);
            var type = FakeDiscordBodyRules.Number(command, "type") ?? 1;
            var name = FakeDiscordBodyRules.Text(command, "name") ?? "";
            var description = FakeDiscordBodyRules.Text(command, "description");
            if (type is not (1 or 2 or 3) || !seen.Add($"{type}:{name}"))
            {
                return FakeDiscordError.InvalidForm("Unknown type or duplicate name.", "APPLICATION_COMMANDS_DUPLICATE_NAME", at, "name");
            }
            if (type == 1 ? !ChatInputName().IsMatch(name) : name.Length is 0 or > 32)
            {
                return FakeDiscordError.InvalidForm("Invalid command name.", "APPLICATION_COMMAND_INVALID_NAME", at, "name");
            }
            var descriptionOk = type == 1 ? description is { Length: >= 1 and <= 100 } : string.IsNullOrEmpty(description);
            if (!descriptionOk)
            {
                return FakeDiscordError.InvalidForm("Chat commands need a 1-100 character description; others none.", "BASE_TYPE_BAD_LENGTH", at, "description");
            }
            var options = FakeDiscordBodyRules.Array(command, "options");
            if ((type != 1 && options.Count > 0) || options.Count > 25 || CheckOptions(options) is not null)
            {
                return FakeDiscordError.InvalidForm(CheckOptions(options) ?? "Options are for chat commands only, at most 25.", "APPLICATION_COMMAND_OPTIONS_INVALID", at, "options");
            }
            if (!Values(command, "integration_types").All(v => v is 0 or 1) || !Values(command, "contexts").All(v => v is 0 or 1 or 2))
            {
                return FakeDiscordError.InvalidForm("Unknown integration type or context.", "ENUM_TYPE_COERCE", at, "contexts");
            }
            if (command.TryGetProperty("default_member_permissions", out var permissions) && permissions.ValueKind != JsonValueKind.Null
                && (permissions.ValueKind != JsonValueKind.String || !ulong.TryParse(permissions.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return FakeDiscordError.InvalidForm("Must be a permission bitfield string.", "BASE_TYPE_BAD_INT", at, "default_member_permissions");
            }
        }
        return null;
    }

    private static string? CheckOptions(IReadOnlyList<JsonElement> options)
    {
        var optionalSeen = false;
        foreach (var option in options)
        {
            var type = FakeDiscordBodyRules.Number(option, "type") ?? 0;
            var required = option.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            if (!ChatInputName().IsMatch(FakeDiscordBodyRules.Text(option, "name") ?? ""))
            {
                return "Invalid option name.";
            }
            if (FakeDiscordBodyRules.Text(option, "description") is not { Length: >= 1 and <= 100 })
            {
                return "Option description must be 1-100 characters.";
            }
            if (required && optionalSeen)
            {
                return "Required options must be placed before non-required options.";
            }
            optionalSeen |= !required;
            var choices = FakeDiscordBodyRules.Array(option, "choices");
            if (choices.Count > 0 && (type is not (3 or 4 or 10) || choices.Count > 25
                || choices.Any(c => FakeDiscordBodyRules.Text(c, "name") is not { Length: >= 1 and <= 100 }
                    || (type == 3 && FakeDiscordBodyRules.Text(c, "value") is not { Length: >= 1 and <= 100 }))
                || choices.Select(c => c.GetProperty("value").ToString()).Distinct().Count() != choices.Count))
            {
                return "choices: at most 25 on string, integer or number options, names 1-100 characters, values distinct.";
            }
            var autocomplete = option.TryGetProperty("autocomplete", out var a) && a.ValueKind == JsonValueKind.True;
            if (autocomplete && (type is not (3 or 4 or 10) || choices.Count > 0))
            {
                return "autocomplete: on string, integer or number options without choices only.";
            }
            var nested = FakeDiscordBodyRules.Array(option, "options");
            if (nested.Count > 0 && (type is not (1 or 2) || nested.Count > 25))
            {
                return "options inside an option: subcommands and groups only, at most 25.";
            }
            if (type == 1 && nested.Any(o => FakeDiscordBodyRules.Number(o, "type") is 1 or 2))
            {
                return "a subcommand cannot hold subcommands.";
            }
            if (CheckOptions(nested) is { } inner)
            {
                return inner;
            }
            var fileTypes = FakeDiscordBodyRules.Array(option, "file_types");
            if (fileTypes.Count > 0 && (type != 11 || fileTypes.Count > 10
                || fileTypes.Any(f => f.GetString() is not ("image" or "video" or "audio") and not ['.', ..])))
            {
                return "file_types: up to 10 of image, video, audio or .ext, on attachment options only.";
            }
        }
        return null;
    }

    private static IEnumerable<int> Values(JsonElement command, string name) =>
        FakeDiscordBodyRules.Array(command, name).Select(v => v.TryGetInt32(out var n) ? n : -1);

    [GeneratedRegex(@"^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$")]
    private static partial Regex ChatInputName();
}

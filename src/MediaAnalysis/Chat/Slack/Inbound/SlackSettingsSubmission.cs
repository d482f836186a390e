using System.Globalization;
using System.Text.Json;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Chat.Slack.Inbound;

// A `view_submission` of the settings modal: view.state.values[block_id][action_id] → one edit of what changed.
// A field left as it was changes nothing (the operator's prompts and models shown as a starting point stay the
// operator's); a limit emptied goes back to the operator's.
public static class SlackSettingsSubmission
{
    public static SettingsEdit Read(JsonElement view, TenantSettings current, SettingsRules rules)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rules);
        var values = view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var v) ? v : default;
        string? Text(string field) => Field(values, field) is { } f && f.TryGetProperty("value", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var edits = new List<SettingsEdit>();
        void Consider(SettingsEdit edit)
        {
            if (!edit.IsValid || edit.Apply(current).Serialize() != current.Serialize())
            {
                edits.Add(edit);
            }
        }

        var prompts = rules.Prompts(Text(SettingsFields.Prompt1Name), Text(SettingsFields.Prompt1Instructions),
            Text(SettingsFields.Prompt2Name), Text(SettingsFields.Prompt2Instructions));
        var startingPoints = rules.StartingPrompts.Select(p => (p.Name, p.Instructions[..Math.Min(SlackSettingsView.SlackTextMax, p.Instructions.Length)]));
        var asShown = prompts.IsValid && current.Prompts is null
            && prompts.Apply(current).Prompts!.Select(p => (p.Name, p.Instructions)).SequenceEqual(startingPoints);
        if (!asShown)
        {
            Consider(prompts);
        }
        var models = rules.Models(Text(SettingsFields.Model1), Text(SettingsFields.Model2), Text(SettingsFields.Model3));
        if (!(models.IsValid && current.Models is null && models.Apply(current).Models!.SequenceEqual(rules.OperatorModels)))
        {
            Consider(models);
        }
        Consider(SettingsRules.Language(Text(SettingsFields.Answers)));
        Consider(SettingsRules.Glossary(Text(SettingsFields.Glossary)));

        var budget = Number(Text(SettingsFields.MonthlyBudgetUsd), current.MonthlyBudgetUsd);
        var perMember = Number(Text(SettingsFields.PerMemberDaily), current.PerMemberDaily);
        var maxMinutes = Number(Text(SettingsFields.MaxMinutes), current.MaxMinutes);
        if ((budget.Error ?? perMember.Error ?? maxMinutes.Error) is { } notANumber)
        {
            edits.Add(SettingsEdit.Invalid(budget.Error is not null ? SettingsFields.MonthlyBudgetUsd
                : perMember.Error is not null ? SettingsFields.PerMemberDaily : SettingsFields.MaxMinutes, notANumber));
        }
        else if (budget.Value is not null || perMember.Value is not null || maxMinutes.Value is not null)
        {
            Consider(rules.Limits(budget.Value, Whole(perMember.Value), Whole(maxMinutes.Value)));
        }

        var channels = Field(values, SettingsFields.Channels) is { } c && c.TryGetProperty("selected_conversations", out var selected)
            ? selected.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList()
            : [];
        Consider(SettingsSwitches.Channels(channels));
        var on = Field(values, SettingsFields.Enabled) is { } e && e.TryGetProperty("selected_options", out var options)
            ? options.EnumerateArray().Select(o => o.TryGetProperty("value", out var value) ? value.GetString() : null).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        if (on.Contains(SettingsFields.Verdict) != (current.Verdict == true))
        {
            edits.Add(SettingsSwitches.Verdict(on.Contains(SettingsFields.Verdict)));
        }
        if (on.Contains(SettingsFields.Pages) != (current.Pages != false))
        {
            edits.Add(SettingsSwitches.Pages(on.Contains(SettingsFields.Pages)));
        }
        return SettingsEdit.All(edits);
    }

    private static JsonElement? Field(JsonElement values, string field) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(field, out var block) && block.TryGetProperty(field, out var action) ? action : null;

    // Given: the number; emptied where the server had one: 0 (clear); empty and none before: null (no change).
    private static (decimal? Value, string? Error) Number(string? text, decimal? before)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (before is null ? null : 0, null);
        }
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? (n, null)
            : (null, $"“{text}” is not a number.");
    }

    private static int? Whole(decimal? n) => n is { } v ? (int)Math.Clamp(Math.Round(v), int.MinValue, int.MaxValue) : null;
}

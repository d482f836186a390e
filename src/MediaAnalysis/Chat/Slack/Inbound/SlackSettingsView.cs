using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MediaAnalysis.Chat.Slack.Rendering;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Chat.Slack.Inbound;

// The settings modal (callback id `settings`): one input block per field, block_id = action_id = the field's name
// (SettingsFields), pre-filled with what the workspace has now. Slack's text inputs hold at most 3000 characters,
// so a prompt's instructions are capped there on Slack (4000 on Discord).
public static class SlackSettingsView
{
    public const string CallbackId = "settings";
    public const int SlackTextMax = 3000;

    // `spend`: this month against the budget and any model the budget cannot see, shown above the fields (null: the
    // ledger could not be read, and the modal says so).
    public static byte[] Build(TenantSettings s, SettingsRules rules, SettingsSpend? spend)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rules);
        var prompts = s.Prompts is { Count: >= 2 } own
            ? own.Select(p => (p.Name, p.Instructions)).ToList()
            : rules.StartingPrompts.Select(p => (p.Name, p.Instructions)).ToList();
        var models = s.Models ?? rules.OperatorModels;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "modal");
            json.WriteString("callback_id", CallbackId);
            PlainText(json, "title", "Analysis settings");
            PlainText(json, "submit", "Save");
            PlainText(json, "close", "Cancel");
            json.WriteStartArray("blocks");
            SpendBlocks(json, spend);
            for (var i = 0; i < 2; i++)
            {
                var (nameField, textField) = i == 0
                    ? (SettingsFields.Prompt1Name, SettingsFields.Prompt1Instructions)
                    : (SettingsFields.Prompt2Name, SettingsFields.Prompt2Instructions);
                var (name, text) = i < prompts.Count ? prompts[i] : ("", "");
                TextInput(json, nameField, $"Prompt {i + 1}: name", name, SettingsRules.MaxPromptName, multiline: false, optional: false);
                TextInput(json, textField, $"Prompt {i + 1}: what to do", Clip(text), SlackTextMax, multiline: true, optional: false);
            }
            string[] modelFields = [SettingsFields.Model1, SettingsFields.Model2, SettingsFields.Model3];
            var hint = rules.AllowedModels.Count > 0 ? " (allowed: " + string.Join(", ", rules.AllowedModels) + ")" : "";
            for (var i = 0; i < 3; i++)
            {
                TextInput(json, modelFields[i], Clip($"Model {i + 1}{(i == 0 ? hint : "")}", 2000), i < models.Count ? models[i] : "", 200, multiline: false, optional: false);
            }
            TextInput(json, SettingsFields.Answers, "Answer language: \"speech\" or a code such as en, de", s.AnswerLanguage ?? SettingsFields.Speech, 20, multiline: false, optional: false);
            TextInput(json, SettingsFields.Glossary, $"Glossary: names and jargon, one a line (up to {SettingsRules.MaxGlossaryTerms})",
                s.Glossary is { Count: > 0 } g ? Clip(string.Join("\n", g)) : "", SlackTextMax, multiline: true, optional: true);
            NumberInput(json, SettingsFields.MonthlyBudgetUsd, rules.OperatorBudget > 0
                ? $"Monthly budget in US dollars, up to {SettingsView.Money(rules.OperatorBudget)} (empty: {SettingsView.Money(rules.OperatorBudget)}, the operator's)"
                : "Monthly budget in US dollars (empty: no limit)", s.MonthlyBudgetUsd, decimals: true);
            NumberInput(json, SettingsFields.PerMemberDaily, rules.OperatorPerMemberDaily > 0
                ? $"Jobs per member per day, up to {rules.OperatorPerMemberDaily} (empty: {rules.OperatorPerMemberDaily}, the operator's)"
                : "Jobs per member per day (empty: no limit)", s.PerMemberDaily, decimals: false);
            NumberInput(json, SettingsFields.MaxMinutes,
                $"Longest video in minutes, up to {rules.OperatorMaxMinutes} (empty: {rules.OperatorMaxMinutes}, the operator's)", s.MaxMinutes, decimals: false);
            Channels(json, s.AccessChannels ?? []);
            Switches(json, s);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void SpendBlocks(Utf8JsonWriter json, SettingsSpend? spend)
    {
        Section(json, "spend", spend is null
            ? $"*Spend this month:* {SpendText.LedgerUnreadable}"
            : $"*{spend.Title}:* {SlackText.Escape(spend.Month)}");
        if (spend?.Warning is { } warning)
        {
            Section(json, "unpriced", $":warning: *Unpriced models:* {SlackText.Escape(warning)}");
        }
        json.WriteStartObject();
        json.WriteString("type", "divider");
        json.WriteString("block_id", "spend_end");
        json.WriteEndObject();
    }

    private static void Section(Utf8JsonWriter json, string id, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WriteString("block_id", id);
        json.WriteStartObject("text");
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", Clip(mrkdwn));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void PlainText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "plain_text");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void InputStart(Utf8JsonWriter json, string field, string label, bool optional)
    {
        json.WriteStartObject();
        json.WriteString("type", "input");
        json.WriteString("block_id", field);
        json.WriteBoolean("optional", optional);
        PlainText(json, "label", label);
        json.WriteStartObject("element");
    }

    private static void TextInput(Utf8JsonWriter json, string field, string label, string value, int max, bool multiline, bool optional)
    {
        InputStart(json, field, label, optional);
        json.WriteString("type", "plain_text_input");
        json.WriteString("action_id", field);
        json.WriteBoolean("multiline", multiline);
        json.WriteNumber("max_length", max);
        if (value.Length > 0)
        {
            json.WriteString("initial_value", value.Length <= max ? value : value[..max]);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void NumberInput(Utf8JsonWriter json, string field, string label, decimal? value, bool decimals)
    {
        InputStart(json, field, label, optional: true);
        json.WriteString("type", "number_input");
        json.WriteString("action_id", field);
        json.WriteBoolean("is_decimal_allowed", decimals);
        json.WriteString("min_value", "0");
        if (value is { } v)
        {
            json.WriteString("initial_value", v.ToString(decimals ? "0.##" : "0", CultureInfo.InvariantCulture));
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Channels(Utf8JsonWriter json, IReadOnlyList<string> channels)
    {
        InputStart(json, SettingsFields.Channels, "Only in these channels (empty: every channel; admins always may)", optional: true);
        json.WriteString("type", "multi_conversations_select");
        json.WriteString("action_id", SettingsFields.Channels);
        json.WriteStartObject("filter");
        json.WriteStartArray("include");
        json.WriteStringValue("public");
        json.WriteStringValue("private");
        json.WriteEndArray();
        json.WriteBoolean("exclude_bot_users", true);
        json.WriteEndObject();
        if (channels.Count > 0)
        {
            json.WriteStartArray("initial_conversations");
            foreach (var channel in channels)
            {
                json.WriteStringValue(channel);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Switches(Utf8JsonWriter json, TenantSettings s)
    {
        InputStart(json, SettingsFields.Enabled, "Switches", optional: true);
        json.WriteString("type", "checkboxes");
        json.WriteString("action_id", SettingsFields.Enabled);
        (string Value, string Text, bool On)[] options =
        [
            (SettingsFields.Verdict, "Panel verdict comparing the answers", s.Verdict == true),
            (SettingsFields.Pages, "Private results pages", s.Pages != false),
        ];
        json.WriteStartArray("options");
        foreach (var (value, text, _) in options)
        {
            Option(json, value, text);
        }
        json.WriteEndArray();
        if (options.Any(o => o.On))
        {
            json.WriteStartArray("initial_options");
            foreach (var (value, text, _) in options.Where(o => o.On))
            {
                Option(json, value, text);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Option(Utf8JsonWriter json, string value, string text)
    {
        json.WriteStartObject();
        PlainText(json, "text", text);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static string Clip(string text, int max = SlackTextMax) => text.Length <= max ? text : text[..max];
}

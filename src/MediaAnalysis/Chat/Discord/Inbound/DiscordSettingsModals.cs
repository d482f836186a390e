using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Chat.Discord.Inbound;

// The two modals, pre-filled with what the server has now (or the operator's prompts, as a starting point).
public static class DiscordSettingsModals
{
    public const string PromptsId = "settings:prompts";
    public const string GlossaryId = "settings:glossary";

    public static Modal Prompts(TenantSettings current, SettingsRules rules)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rules);
        var prompts = current.Prompts is { Count: >= 2 } own
            ? own.Select(p => (p.Name, p.Instructions)).ToList()
            : rules.StartingPrompts.Select(p => (p.Name, p.Instructions)).ToList();
        while (prompts.Count < 2)
        {
            prompts.Add(("", ""));
        }
        return new Modal
        {
            CustomId = PromptsId,
            Title = "Prompts for this server",
            Components =
            [
                Row(SettingsFields.Prompt1Name, "First prompt: name", 1, SettingsRules.MaxPromptName, prompts[0].Item1),
                Row(SettingsFields.Prompt1Instructions, "First prompt: what to do", 2, SettingsRules.MaxInstructions, prompts[0].Item2),
                Row(SettingsFields.Prompt2Name, "Second prompt: name", 1, SettingsRules.MaxPromptName, prompts[1].Item1),
                Row(SettingsFields.Prompt2Instructions, "Second prompt: what to do", 2, SettingsRules.MaxInstructions, prompts[1].Item2),
            ],
        };
    }

    public static Modal Glossary(TenantSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new Modal
        {
            CustomId = GlossaryId,
            Title = "Glossary for transcription",
            Components =
            [
                new ModalRow([new TextInput
                {
                    CustomId = SettingsFields.Glossary,
                    Label = $"Names and jargon, one a line (up to {SettingsRules.MaxGlossaryTerms})",
                    Style = 2,
                    Required = false,
                    MaxLength = 4000,
                    Value = current.Glossary is { Count: > 0 } g ? string.Join("\n", g) : null,
                    Placeholder = "Kubernetes\nAcme Corp\nDr. Nguyen",
                }]),
            ],
        };
    }

    private static ModalRow Row(string id, string label, int style, int max, string value) => new(
    [
        new TextInput
        {
            CustomId = id,
            Label = label,
            Style = style,
            MinLength = 1,
            MaxLength = max,
            Required = true,
            // Discord refuses a modal whose pre-filled value is longer than its max_length.
            Value = string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max],
        },
    ]);
}

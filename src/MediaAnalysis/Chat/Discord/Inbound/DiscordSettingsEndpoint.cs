using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Chat.Discord.Inbound;

// `/settings` and its two modals. Every answer is private; every change is saved with who made it.
public static class DiscordSettingsEndpoint
{
    public static async Task<object> CommandAsync(
        Interaction interaction, ServerSettings settings, SettingsRules rules, SpendOverview spend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guild)
        {
            return DiscordRenderer.Ephemeral("Settings belong to a server: use /settings there.");
        }
        var sub = interaction.Data?.Options?.FirstOrDefault(o => o.Type == CommandOptionType.SubCommand);
        var options = sub?.Options ?? [];
        string? Text(string name) => options.FirstOrDefault(o => o.Name == name)?.StringValue;
        decimal? Number(string name) => options.FirstOrDefault(o => o.Name == name)?.NumberValue;
        int? Whole(string name) => Number(name) is { } n ? (int)Math.Clamp(n, int.MinValue, int.MaxValue) : null;
        bool? Flag(string name) => options.FirstOrDefault(o => o.Name == name)?.BoolValue;
        try
        {
            switch (sub?.Name)
            {
                case DiscordSettingsCommand.Show:
                    var current = await settings.GetAsync(DiscordReplier.PlatformName, guild, cancellationToken);
                    var history = await settings.HistoryAsync(DiscordReplier.PlatformName, guild, cancellationToken);
                    var month = await spend.ForSettingsAsync(DiscordReplier.PlatformName, guild, interaction.Invoker?.Id ?? "",
                        current.Models ?? rules.OperatorModels, cancellationToken);
                    return DiscordSettingsRenderer.Show(SettingsView.Lines(current, rules, withRoles: true), month, history);
                case DiscordSettingsCommand.Prompts:
                    return new ModalResponse(DiscordSettingsModals.Prompts(await settings.GetAsync(DiscordReplier.PlatformName, guild, cancellationToken), rules));
                case DiscordSettingsCommand.Glossary:
                    return new ModalResponse(DiscordSettingsModals.Glossary(await settings.GetAsync(DiscordReplier.PlatformName, guild, cancellationToken)));
                case DiscordSettingsCommand.Models:
                    return await SaveAsync(interaction, guild, settings,
                        rules.Models(Text(SettingsFields.Model1), Text(SettingsFields.Model2), Text(SettingsFields.Model3)), cancellationToken);
                case DiscordSettingsCommand.Language:
                    return await SaveAsync(interaction, guild, settings, SettingsRules.Language(Text(SettingsFields.Answers)), cancellationToken);
                case DiscordSettingsCommand.Limits:
                    return await SaveAsync(interaction, guild, settings,
                        rules.Limits(Number(SettingsFields.MonthlyBudgetUsd), Whole(SettingsFields.PerMemberDaily), Whole(SettingsFields.MaxMinutes)), cancellationToken);
                case DiscordSettingsCommand.Access:
                    return await SaveAsync(interaction, guild, settings,
                        SettingsSwitches.Access(Text(SettingsFields.Role), Text(SettingsFields.Channel), Flag(SettingsFields.Everyone)), cancellationToken);
                case DiscordSettingsCommand.Verdict:
                    return await SaveAsync(interaction, guild, settings, SettingsSwitches.Verdict(Flag(SettingsFields.Enabled) ?? false), cancellationToken);
                case DiscordSettingsCommand.Pages:
                    return await SaveAsync(interaction, guild, settings, SettingsSwitches.Pages(Flag(SettingsFields.Enabled) ?? true), cancellationToken);
                case DiscordSettingsCommand.Reset:
                    var (saved, _) = await settings.ResetAsync(DiscordReplier.PlatformName, guild, By(interaction), cancellationToken);
                    return DiscordRenderer.Ephemeral(saved
                        ? "This server is back to the operator's defaults. Jobs already running keep the settings they started with."
                        : "Someone else was changing the settings at the same moment; please try again.");
                default:
                    return DiscordRenderer.Ephemeral("I don't know that settings command; run `discord register-commands` again if the list looks old.");
            }
        }
        catch (SettingsUnavailableException ex)
        {
            return DiscordRenderer.Ephemeral(ex.Message);
        }
    }

    // The prompts and glossary modals' submissions.
    public static async Task<InteractionResponse> ModalAsync(Interaction interaction, ServerSettings settings, SettingsRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guild)
        {
            return DiscordRenderer.Ephemeral("Settings belong to a server.");
        }
        var values = SubmittedComponent.Values(interaction.Data?.Components);
        string? Value(string id) => values.TryGetValue(id, out var v) ? v : null;
        var edit = interaction.Data?.CustomId switch
        {
            DiscordSettingsModals.PromptsId => rules.Prompts(Value(SettingsFields.Prompt1Name), Value(SettingsFields.Prompt1Instructions),
                Value(SettingsFields.Prompt2Name), Value(SettingsFields.Prompt2Instructions)),
            DiscordSettingsModals.GlossaryId => SettingsRules.Glossary(Value(SettingsFields.Glossary)),
            _ => null,
        };
        if (edit is null)
        {
            return DiscordRenderer.Ephemeral("That form is no longer known; run /settings again.");
        }
        try
        {
            return await SaveAsync(interaction, guild, settings, edit, cancellationToken);
        }
        catch (SettingsUnavailableException ex)
        {
            return DiscordRenderer.Ephemeral(ex.Message);
        }
    }

    // Models: the operator's allowed list, or (none) the three in use; matching what was typed so far.
    public static async Task<AutocompleteResponse> AutocompleteAsync(Interaction interaction, ServerSettings settings, SettingsRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(rules);
        var focused = interaction.Data?.Options?.SelectMany(o => o.Options ?? [o]).FirstOrDefault(o => o.Focused == true);
        var typed = focused?.StringValue?.Trim() ?? "";
        IReadOnlyList<string> offered = rules.AllowedModels;
        if (offered.Count == 0)
        {
            try
            {
                offered = interaction.GuildId is { } guild
                    ? (await settings.GetAsync(DiscordReplier.PlatformName, guild, cancellationToken)).Models ?? rules.OperatorModels
                    : rules.OperatorModels;
            }
            catch (SettingsUnavailableException)
            {
                offered = rules.OperatorModels;
            }
        }
        var choices = offered.Where(m => m.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(25).Select(m => new ApplicationCommandOptionChoice(TextClip.Clip(m, 100), m)).ToList();
        return new AutocompleteResponse(new AutocompleteChoices(choices));
    }

    private static async Task<InteractionResponse> SaveAsync(Interaction interaction, string guild, ServerSettings settings, SettingsEdit edit, CancellationToken cancellationToken)
    {
        if (!edit.IsValid)
        {
            return DiscordRenderer.Ephemeral("Not saved:\n" + string.Join("\n", edit.Errors.Values.Select(e => "• " + e)));
        }
        var (saved, _) = await settings.ApplyAsync(DiscordReplier.PlatformName, guild, By(interaction), edit, cancellationToken);
        return DiscordRenderer.Ephemeral(saved
            ? $"Saved: {edit.What}. The next job uses it; jobs already running keep the settings they started with."
            : "Someone else was changing the settings at the same moment; please try again.");
    }

    private static string By(Interaction interaction) => interaction.Invoker is { } user ? $"<@{user.Id}>" : "someone";
}

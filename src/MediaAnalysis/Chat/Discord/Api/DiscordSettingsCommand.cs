using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Chat.Discord.Api;

// `/settings` (CONTRACT.md names, plus `pages`): by default for members who can manage the server; a server's admins
// can give it to others in Server Settings → Integrations, and Discord enforces that before the bot hears of it.
public static class DiscordSettingsCommand
{
    public const string Name = "settings";
    public const string Show = "show";
    public const string Prompts = "prompts";
    public const string Models = "models";
    public const string Language = "language";
    public const string Glossary = "glossary";
    public const string Limits = "limits";
    public const string Access = "access";
    public const string Verdict = "verdict";
    public const string Pages = "pages";
    public const string Reset = "reset";

    public static ApplicationCommand Definition(IReadOnlyList<int> integrationTypes, IReadOnlyList<InteractionContextType> contexts) => new()
    {
        Name = Name,
        Type = ApplicationCommandType.ChatInput,
        Description = "This server's prompts, models, language, glossary, limits and who may analyze",
        DefaultMemberPermissions = DiscordPermissions.Format(DiscordPermissions.ManageGuild),
        IntegrationTypes = integrationTypes,
        Contexts = contexts,
        Options =
        [
            Sub(Show, "Every setting, where it comes from, and the last five changes"),
            Sub(Prompts, "Edit the two prompts (opens a form)"),
            Sub(Models, "Choose the three models (all three at once)",
                ModelOption(SettingsFields.Model1, "First model"), ModelOption(SettingsFields.Model2, "Second model"),
                ModelOption(SettingsFields.Model3, "Third model")),
            Sub(Language, "The language of the answers",
                new ApplicationCommandOption
                {
                    Type = CommandOptionType.String, Name = SettingsFields.Answers, Required = true, MaxLength = 20,
                    Description = "\"speech\" (the language spoken) or a code such as en, de, pt-BR",
                }),
            Sub(Glossary, "Names and jargon for the transcription (opens a form)"),
            Sub(Limits, "Monthly budget, jobs per member per day, longest video (0 clears one)",
                new ApplicationCommandOption { Type = CommandOptionType.Number, Name = SettingsFields.MonthlyBudgetUsd, Description = "Monthly budget in US dollars", MinValue = 0 },
                new ApplicationCommandOption { Type = CommandOptionType.Integer, Name = SettingsFields.PerMemberDaily, Description = "Jobs one member may start per day (UTC)", MinValue = 0 },
                new ApplicationCommandOption { Type = CommandOptionType.Integer, Name = SettingsFields.MaxMinutes, Description = "Longest video in minutes", MinValue = 0 }),
            Sub(Access, "Who may analyze: a role, channels, or everyone",
                new ApplicationCommandOption { Type = CommandOptionType.Role, Name = SettingsFields.Role, Description = "Only members with this role" },
                new ApplicationCommandOption { Type = CommandOptionType.Channel, Name = SettingsFields.Channel, Description = "Add a channel where analyzing is allowed" },
                new ApplicationCommandOption { Type = CommandOptionType.Boolean, Name = SettingsFields.Everyone, Description = "true: everyone, in every channel (clears role and channels)" }),
            Sub(Verdict, "The panel verdict comparing the answers",
                new ApplicationCommandOption { Type = CommandOptionType.Boolean, Name = SettingsFields.Enabled, Description = "On or off", Required = true }),
            Sub(Pages, "Private results pages for each job",
                new ApplicationCommandOption { Type = CommandOptionType.Boolean, Name = SettingsFields.Enabled, Description = "On or off", Required = true }),
            Sub(Reset, "Back to the operator's defaults"),
        ],
    };

    private static ApplicationCommandOption Sub(string name, string description, params IReadOnlyList<ApplicationCommandOption> options) => new()
    {
        Type = CommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = options.Count == 0 ? null : options,
    };

    private static ApplicationCommandOption ModelOption(string name, string description) => new()
    {
        Type = CommandOptionType.String,
        Name = name,
        Description = description,
        Required = true,
        Autocomplete = true,
        MaxLength = 100,
    };
}

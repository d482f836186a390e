using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Chat.Discord.Inbound;

// Who may analyze or ask here, by the server's settings: videos and questions pass the same rule.
public static class DiscordAccess
{
    // The server's access rules (its settings): a role, channels; managers (Manage Server, Administrator) always may.
    public static async Task<string?> RefusalAsync(Interaction interaction, string guild, ServerSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        TenantSettings current;
        try
        {
            current = await settings.GetAsync(DiscordReplier.PlatformName, guild, cancellationToken);
        }
        catch (SettingsUnavailableException)
        {
            return IntakeText.StoreUnavailable;
        }
        var manager = DiscordPermissions.Has(interaction.Member?.Permissions, DiscordPermissions.ManageGuild)
            || DiscordPermissions.Has(interaction.Member?.Permissions, DiscordPermissions.Administrator);
        var refusal = AccessRules.Refusal(current, interaction.EffectiveChannelId ?? "", interaction.Channel?.ParentId, interaction.Member?.Roles ?? [], manager,
            "Members who can manage the server");
        if (refusal is not null)
        {
            DiscordLog.AccessRefused(logger, interaction.Id, guild);
        }
        return refusal;
    }
}

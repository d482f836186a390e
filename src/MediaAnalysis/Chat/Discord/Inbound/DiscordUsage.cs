using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Chat.Discord.Inbound;

// /usage: this month's spend and videos for the server and the asker, the budget left and when it resets; private.
public static class DiscordUsage
{
    public static async Task<InteractionResponse> AnswerAsync(Interaction interaction, SpendOverview spend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(spend);
        if (interaction.GuildId is not { } guild)
        {
            return DiscordRenderer.Ephemeral("Usage is counted per server: ask in a server I've been added to.");
        }
        var report = await spend.TryUsageAsync(DiscordReplier.PlatformName, guild, interaction.Invoker?.Id ?? "", cancellationToken);
        return DiscordRenderer.Ephemeral(report?.Text("This server") ?? SpendText.LedgerUnreadable);
    }
}

using MediaAnalysis.Chat.Slack.Api;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Chat.Slack.Inbound;

// The words `/analyze` takes instead of a video: `usage` (this month's spend and videos, privately: a slash
// command's reply is seen by its sender only) and `settings` (the settings modal).
internal static class SlackCommandWords
{
    private const string Usage = "usage";

    // The answer to a command that is one of these words; null for anything else (a video to analyze).
    public static async Task<IResult?> TryAnswerAsync(
        Payloads.SlashCommand command, SlackApiClient api, ServerSettings settings, SettingsRules rules, SpendOverview spend,
        ILogger logger, CancellationToken cancellationToken)
    {
        var word = command.Text.Trim();
        if (word.Equals(Usage, StringComparison.OrdinalIgnoreCase))
        {
            var report = await spend.TryUsageAsync(SlackReplier.PlatformName, command.TeamId, command.UserId, cancellationToken);
            return SlackEndpoints.Reply(report?.Text("This workspace") ?? SpendText.LedgerUnreadable);
        }
        if (word.Equals(SlackSettingsView.CallbackId, StringComparison.OrdinalIgnoreCase))
        {
            return await SlackSettingsEndpoints.OpenSettingsAsync(command, api, settings, rules, spend, logger, cancellationToken);
        }
        return null;
    }
}

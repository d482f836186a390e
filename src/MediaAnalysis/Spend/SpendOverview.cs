using System.Data.Common;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Spend;

// What the chat adapters show about spend: /usage, and the month and unpriced models beside the settings.
public sealed class SpendOverview(SpendLimits limits, PriceCoverage prices, ILogger<SpendOverview> logger)
{
    public Task<UsageReport> UsageAsync(string platform, string tenant, string requesterId, CancellationToken cancellationToken) =>
        UsageReport.ReadAsync(limits, platform, tenant, requesterId, cancellationToken);

    // /usage: null when the ledger cannot be read (the person is told so: SpendText.LedgerUnreadable).
    public async Task<UsageReport?> TryUsageAsync(string platform, string tenant, string requesterId, CancellationToken cancellationToken)
    {
        try
        {
            return await UsageAsync(platform, tenant, requesterId, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or StoreUnavailableException or IOException)
        {
            SpendLog.LedgerUnreadable(logger, platform, tenant, ex.Message);
            return null;
        }
    }

    // `models`: the server's three as they apply now (its own, else the operator's). Null when the ledger cannot be
    // read: the settings are still shown, without their spend.
    public async Task<SettingsSpend?> ForSettingsAsync(
        string platform, string tenant, string requesterId, IEnumerable<string> models, CancellationToken cancellationToken)
    {
        try
        {
            var usage = await UsageAsync(platform, tenant, requesterId, cancellationToken);
            return new SettingsSpend(usage, await prices.UnpricedAsync(models, cancellationToken));
        }
        catch (Exception ex) when (ex is DbException or StoreUnavailableException or IOException)
        {
            SpendLog.LedgerUnreadable(logger, platform, tenant, ex.Message);
            return null;
        }
    }
}

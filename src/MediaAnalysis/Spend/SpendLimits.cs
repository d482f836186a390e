using MediaAnalysis.Configuration;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Spend;

// A server's limits as they apply now, and what its month has used: the facts every check and /usage start from.
public sealed class SpendLimits(ISpendStore ledger, ITenantLimitsSource servers, IOptions<LimitsOptions> operatorLimits, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    // The operator's ceiling of every server's budget (Limits:MonthlyBudgetUsd); null: none.
    public decimal? OperatorBudget => operatorLimits.Value.MonthlyBudgetUsd > 0 ? operatorLimits.Value.MonthlyBudgetUsd : null;

    public async Task<EffectiveLimits> ForAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        EffectiveLimits.Of(await servers.GetAsync(platform, tenant, cancellationToken), operatorLimits.Value);

    // This UTC month's spend and jobs: the tenant's, and the member's part of them.
    public Task<SpendTotals> MonthAsync(string platform, string tenant, string requesterId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ledger.TotalsAsync(platform, tenant, requesterId, UtcPeriods.MonthStart(now), UtcPeriods.NextMonth(now), cancellationToken);

    // The member's jobs accepted this UTC day.
    public async Task<int> TodayAsync(string platform, string tenant, string requesterId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = UtcPeriods.DayStart(now);
        return (await ledger.TotalsAsync(platform, tenant, requesterId, day, day.AddDays(1), cancellationToken)).MemberJobs;
    }
}

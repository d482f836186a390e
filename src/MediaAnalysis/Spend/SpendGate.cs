using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Spend;

// The checks before money is spent: at accept (the month's budget used up, the member's jobs for the UTC day), and
// once the media is probed (the job's estimate must fit what is left of the budget).
public sealed class SpendGate(
    SpendLimits limits,
    ISpendStore ledger,
    IOptions<PricingOptions> pricing,
    AppMetrics metrics,
    ILogger<SpendGate> logger)
{
    // Recent jobs whose model calls give the cost per transcript minute.
    private const int RecentJobs = 20;

    // Refusal: null when the request may be accepted, else the private line for the person (the month's budget used
    // up). DailyLimit: the member's jobs per UTC day, which the store checks as it accepts (AnalyzeRequest.MemberDailyLimit:
    // the count and the accept are one step, so two requests at the same instant cannot both take the last one).
    // `known`: whether the request was accepted before (a delivery again, which finds its job, never a refusal),
    // asked only when the budget would turn it away.
    public async Task<(string? Refusal, int? DailyLimit)> CheckAsync(
        AnalyzeRequest request, Func<CancellationToken, Task<bool>> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(known);
        var effective = await limits.ForAsync(request.Platform, request.Tenant, cancellationToken);
        if (effective.MonthlyBudgetUsd is { } budget)
        {
            var now = limits.Now;
            var month = await limits.MonthAsync(request.Platform, request.Tenant, request.RequesterId, now, cancellationToken);
            if (month.TenantUsd >= budget && !await known(cancellationToken))
            {
                return (Refuse(request, "budget", SpendText.BudgetUsedUp(SpendText.Place(request.Platform), budget, month.TenantUsd, now,
                    raisable: limits.OperatorBudget is not { } ceiling || budget < ceiling)), null);
            }
        }
        return (null, effective.PerMemberDaily);
    }

    // The store refused the request: the member's jobs for the UTC day are used up.
    public string RefuseDaily(AnalyzeRequest request, int daily)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Refuse(request, "daily", SpendText.DailyUsedUp(SpendText.Place(request.Platform), daily, limits.Now));
    }

    // After the probe: throws AnalysisFailedException (nothing billed yet) when the estimate exceeds what is left.
    public async Task CheckEstimateAsync(JobRecord job, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var effective = await limits.ForAsync(job.Platform, job.Tenant, cancellationToken);
        if (effective.MonthlyBudgetUsd is not { } budget)
        {
            return;
        }
        var now = limits.Now;
        var spent = (await limits.MonthAsync(job.Platform, job.Tenant, job.RequesterId, now, cancellationToken)).TenantUsd;
        var minutes = (decimal)duration.TotalMinutes;
        var perMinute = await ledger.ModelUsdPerMinuteAsync(job.Platform, job.Tenant, RecentJobs, cancellationToken)
            ?? await ledger.ModelUsdPerMinuteAsync(job.Platform, null, RecentJobs, cancellationToken)
            ?? 0;
        var estimate = minutes * (pricing.Value.DeepgramUsdPerMinute + perMinute);
        var left = Math.Max(0, budget - spent);
        if (estimate > left)
        {
            metrics.SpendRefused("estimate");
            SpendLog.OverEstimate(logger, job.Id, Math.Round(estimate, 6), Math.Round(left, 6));
            throw new AnalysisFailedException(FailureKind.OverBudget, SpendText.OverEstimate(SpendText.Place(job.Platform), estimate, duration, left, budget, now));
        }
    }

    private string Refuse(AnalyzeRequest request, string reason, string text)
    {
        metrics.SpendRefused(reason);
        SpendLog.Refused(logger, request.Platform, request.Tenant, request.RequesterId, reason);
        return text;
    }
}

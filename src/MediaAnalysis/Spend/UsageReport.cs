namespace MediaAnalysis.Spend;

// What /usage shows: this UTC month's spend and jobs for the server and the asker, the budget left, when it resets.
public sealed record UsageReport(
    DateTimeOffset Now,
    decimal ServerUsd,
    int ServerJobs,
    decimal MemberUsd,
    int MemberJobs,
    int MemberToday,
    EffectiveLimits Limits)
{
    public decimal? Left => Limits.MonthlyBudgetUsd is { } budget ? Math.Max(0, budget - ServerUsd) : null;

    public DateTimeOffset ResetsAt => UtcPeriods.NextMonth(Now);

    // Plain lines; `server` names the place ("This server", "This workspace").
    public string Text(string server)
    {
        var lines = new List<string>
        {
            $"Usage in {UtcPeriods.MonthName(Now)} (UTC)",
            $"{server}: {UtcPeriods.Usd(ServerUsd)} spent, {SpendText.Count(ServerJobs, "video", "videos")}.",
            $"You: {UtcPeriods.Usd(MemberUsd)} spent, {SpendText.Count(MemberJobs, "video", "videos")}"
                + (Limits.PerMemberDaily is { } daily ? $" ({MemberToday} of {daily} today; more from 00:00 UTC)." : "."),
            Limits.MonthlyBudgetUsd is { } budget
                ? $"Budget: {UtcPeriods.UsdLeft(Left ?? 0)} left of {UtcPeriods.Usd(budget)}. It resets on {UtcPeriods.Day(ResetsAt)} (UTC)."
                : $"Budget: none set. The month's counts reset on {UtcPeriods.Day(ResetsAt)} (UTC).",
        };
        return string.Join('\n', lines);
    }

    // The server's month in one line, for the settings: spent against the budget, videos, when it resets.
    public string MonthSummary => Limits.MonthlyBudgetUsd is { } budget
        ? $"{UtcPeriods.Usd(ServerUsd)} of {UtcPeriods.Usd(budget)} spent, {UtcPeriods.UsdLeft(Left ?? 0)} left · "
            + $"{SpendText.Count(ServerJobs, "video", "videos")} · resets on {UtcPeriods.Day(ResetsAt)} (UTC)"
        : $"{UtcPeriods.Usd(ServerUsd)} spent (no budget set) · {SpendText.Count(ServerJobs, "video", "videos")} · "
            + $"the month's counts reset on {UtcPeriods.Day(ResetsAt)} (UTC)";

    public static async Task<UsageReport> ReadAsync(SpendLimits limits, string platform, string tenant, string requesterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var now = limits.Now;
        var month = await limits.MonthAsync(platform, tenant, requesterId, now, cancellationToken);
        var today = await limits.TodayAsync(platform, tenant, requesterId, now, cancellationToken);
        return new UsageReport(now, month.TenantUsd, month.TenantJobs, month.MemberUsd, month.MemberJobs, today,
            await limits.ForAsync(platform, tenant, cancellationToken));
    }
}

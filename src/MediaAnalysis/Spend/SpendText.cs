using MediaAnalysis.Jobs;

namespace MediaAnalysis.Spend;

// What people read about limits and spend: plain sentences every platform can show as they are.
public static class SpendText
{
    // What a tenant is called where it is read: a Slack workspace, a Discord server (and any other platform's).
    public static string Place(string platform) => platform == "slack" ? "workspace" : "server";

    public const string LedgerUnreadable =
        "The bot's database cannot be reached just now, so this month's spend cannot be read. Please try again in a minute.";

    public static string DailyUsedUp(string place, int daily, DateTimeOffset now)
    {
        var next = UtcPeriods.DayStart(now).AddDays(1);
        return $"You have used your {Count(daily, "analysis", "analyses")} for today in this {place} (0 left). "
            + $"More from 00:00 UTC, in {Format.Span(next - now)}.";
    }

    // `raisable`: the budget is the server's own, below the operator's ceiling (or there is none), so its managers
    // can raise it; else it is the most this bot allows.
    public static string BudgetUsedUp(string place, decimal budget, decimal spent, DateTimeOffset now, bool raisable) =>
        $"This {place} has used its {UtcPeriods.Usd(budget)} budget for {UtcPeriods.MonthName(now)} ({UtcPeriods.Usd(spent)} spent, $0.00 left). "
        + $"It resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))} (UTC). "
        + (!raisable ? "That is the most this bot's operator allows."
            : place == "workspace" ? "A workspace admin can raise it in /analyze settings."
            : "A server manager can raise it with /settings limits.");

    public static string OverEstimate(string place, decimal estimate, TimeSpan duration, decimal left, decimal budget, DateTimeOffset now) =>
        $"This {Format.Span(duration)} video would cost about {UtcPeriods.Usd(estimate)}, more than the {UtcPeriods.Usd(left)} left of this {place}'s "
        + $"{UtcPeriods.Usd(budget)} budget for {UtcPeriods.MonthName(now)}. Nothing was spent on it; the budget resets on "
        + $"{UtcPeriods.Day(UtcPeriods.NextMonth(now))} (UTC).";

    public static string Notice(string place, decimal spent, decimal budget, DateTimeOffset now) =>
        $"This {place} has now used {Math.Floor(spent / budget * 100)}% of its {UtcPeriods.Usd(budget)} budget for {UtcPeriods.MonthName(now)} "
        + $"({UtcPeriods.Usd(spent)}). It resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))} (UTC).";

    // The models the budget cannot see, named, and what would make it see them.
    public static string Unpriced(IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var one = models.Count == 1;
        var names = models.Count <= 1 ? string.Join("", models) : $"{string.Join(", ", models.SkipLast(1))} and {models[^1]}";
        return $"The budget can't see what {names} {(one ? "costs" : "cost")}: the endpoint reports no cost for {(one ? "it" : "them")} "
            + $"and the operator set no price (Pricing:Models), so {(one ? "its" : "their")} answers count as $0 against the budget. "
            + $"Ask the bot's operator to add {(one ? "its price" : "their prices")}, or choose {(one ? "another model" : "other models")}.";
    }

    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

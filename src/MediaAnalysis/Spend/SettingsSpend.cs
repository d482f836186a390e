namespace MediaAnalysis.Spend;

// What the settings (`/settings show`, the Slack modal) say about spend: this month against the budget, the same
// figures /usage shows, and the server's models the budget cannot see (their calls count as $0).
public sealed record SettingsSpend(UsageReport Usage, IReadOnlyList<string> Unpriced)
{
    // "Spend in December 2026"
    public string Title => $"Spend in {UtcPeriods.MonthName(Usage.Now)}";

    public string Month => Usage.MonthSummary;

    public string? Warning => Unpriced.Count == 0 ? null : SpendText.Unpriced(Unpriced);
}

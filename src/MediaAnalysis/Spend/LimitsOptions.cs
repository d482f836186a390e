using MediaAnalysis.Configuration;

namespace MediaAnalysis.Spend;

// The operator's ceilings (section Limits). 0 means none; a server's own limits (ITenantLimitsSource) apply below them.
public sealed class LimitsOptions : IValidatedOptions
{
    public const string SectionName = "Limits";

    // USD per server and UTC month.
    public decimal MonthlyBudgetUsd { get; set; }

    // Jobs one member may start per UTC day in one server.
    public int PerMemberDaily { get; set; }

    public IEnumerable<string> Validate()
    {
        if (MonthlyBudgetUsd < 0 || MonthlyBudgetUsd > 1_000_000)
        {
            yield return $"{SectionName}:MonthlyBudgetUsd must be between 0 (no budget) and 1000000, got {MonthlyBudgetUsd}";
        }
        if (OptionChecks.InRange($"{SectionName}:PerMemberDaily", PerMemberDaily, 0, 100_000) is { } daily)
        {
            yield return daily;
        }
    }
}

namespace MediaAnalysis.Configuration;

// The operator's Limits section, bound once (QueueRegistration.AddJobs) and read by all that limit: the spend checks
// (a server's month and a member's day), the settings (the ceilings a server's own limits stay under) and the
// follow-up questions. 0 means none for the budget and the daily jobs; a server's own limits apply below them.
public sealed class LimitsOptions : IValidatedOptions
{
    public const string SectionName = "Limits";

    // USD per server and UTC month.
    public decimal MonthlyBudgetUsd { get; set; }

    // Jobs one member may start per UTC day in one server.
    public int PerMemberDaily { get; set; }

    // Follow-up questions one member may ask per UTC day, in one server or workspace.
    public int QuestionsPerMemberDaily { get; set; } = 20;

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
        if (OptionChecks.InRange($"{SectionName}:QuestionsPerMemberDaily", QuestionsPerMemberDaily, 1, 10000) is { } questions)
        {
            yield return questions;
        }
    }
}

namespace MediaAnalysis.Settings;

// The operator's Limits:* as the settings see them: the ceilings a server's own limits must stay under
// (0: none). The spend checks bind and validate the same section for their own use.
public sealed class OperatorCeilings
{
    public const string SectionName = "Limits";

    public decimal MonthlyBudgetUsd { get; set; }

    public int PerMemberDaily { get; set; }
}

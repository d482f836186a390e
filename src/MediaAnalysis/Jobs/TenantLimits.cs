namespace MediaAnalysis.Jobs;

/// <summary>What a server's own settings say about its limits; null where it set none (the operator's Limits:* apply).</summary>
public sealed record TenantLimits(decimal? MonthlyBudgetUsd, int? PerMemberDaily, int? MaxMinutes)
{
    public static readonly TenantLimits None = new(null, null, null);
}

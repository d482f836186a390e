using MediaAnalysis.Configuration;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Spend;

// A server's limits as they apply: its own, never above the operator's ceiling; null where there is none.
public sealed record EffectiveLimits(decimal? MonthlyBudgetUsd, int? PerMemberDaily)
{
    public static EffectiveLimits Of(TenantLimits server, LimitsOptions operatorLimits)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(operatorLimits);
        return new(
            Lower(server.MonthlyBudgetUsd, operatorLimits.MonthlyBudgetUsd > 0 ? operatorLimits.MonthlyBudgetUsd : null),
            Lower(server.PerMemberDaily, operatorLimits.PerMemberDaily > 0 ? operatorLimits.PerMemberDaily : null));
    }

    // A server value of 0 or less is "none", like the operator's.
    private static T? Lower<T>(T? server, T? ceiling)
        where T : struct, IComparable<T>
    {
        T? own = server is { } s && s.CompareTo(default) > 0 ? s : null;
        return (own, ceiling) switch
        {
            ({ } a, { } b) => a.CompareTo(b) <= 0 ? a : b,
            ({ } a, null) => a,
            (null, var b) => b,
        };
    }
}

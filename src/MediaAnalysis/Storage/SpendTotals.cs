namespace MediaAnalysis.Storage;

// A tenant's spend and accepted jobs over a span of time, and the part of them one member asked for.
public sealed record SpendTotals(decimal TenantUsd, int TenantJobs, decimal MemberUsd, int MemberJobs)
{
    public static readonly SpendTotals Zero = new(0, 0, 0, 0);
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Spend;

// The limits source when no per-server settings are registered: no server sets its own, the operator's Limits:* apply.
public sealed class OperatorOnlyLimits : ITenantLimitsSource
{
    public Task<TenantLimits> GetAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        Task.FromResult(TenantLimits.None);
}

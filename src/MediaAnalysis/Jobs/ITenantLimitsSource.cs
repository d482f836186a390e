namespace MediaAnalysis.Jobs;

/// <summary>Reads a server's own limits (its settings). The spend checks combine them with the operator's ceilings.</summary>
public interface ITenantLimitsSource
{
    Task<TenantLimits> GetAsync(string platform, string tenant, CancellationToken cancellationToken);
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Spend;

// A server's own limits as a test sets them (the settings-backed source is the other helper's).
public sealed class TestLimits : ITenantLimitsSource
{
    public TenantLimits Limits { get; set; } = TenantLimits.None;

    public Task<TenantLimits> GetAsync(string platform, string tenant, CancellationToken cancellationToken) => Task.FromResult(Limits);
}

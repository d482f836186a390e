using MediaAnalysis.Jobs;

namespace MediaAnalysis.Settings;

// The server's own limits from its settings, for the spend checks (which combine them with the operator's ceilings).
public sealed class SettingsLimitsSource(ServerSettings settings) : ITenantLimitsSource
{
    public async Task<TenantLimits> GetAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        (await settings.GetAsync(platform, tenant, cancellationToken)).Limits();
}

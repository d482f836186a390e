using MediaAnalysis.Configuration;

namespace MediaAnalysis.Diagnostics;

public sealed class DiagnosticsOptions : IValidatedOptions
{
    public const string SectionName = "Diagnostics";

    // GET /healthz answers from a write check at most this old (a health probe every few seconds is then
    // not a database write each), and /metrics shows queue counts at most this old. Zero checks every time.
    public TimeSpan HealthCheckCacheFor { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (HealthCheckCacheFor < TimeSpan.Zero)
        {
            yield return $"{SectionName}:HealthCheckCacheFor must be 00:00:00 (check every probe) or a positive time span";
        }
    }
}

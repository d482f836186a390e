using MediaAnalysis.Configuration;

namespace MediaAnalysis.Lifecycle;

public sealed class LifecycleOptions : IValidatedOptions
{
    public const string SectionName = "Lifecycle";

    // `serve` exits 0 after this long with no job and no platform request, so an idle machine stops;
    // the platform's next request starts it again. Zero means never.
    public TimeSpan IdleShutdownAfter { get; set; } = TimeSpan.FromMinutes(10);

    // GET /healthz answers from a write check at most this old (a health probe every few seconds is then
    // not a database write each). Zero checks on every probe.
    public TimeSpan HealthCheckCacheFor { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (HealthCheckCacheFor < TimeSpan.Zero)
        {
            yield return $"{SectionName}:HealthCheckCacheFor must be 00:00:00 (check every probe) or a positive time span";
        }
        if (IdleShutdownAfter < TimeSpan.Zero)
        {
            yield return $"{SectionName}:IdleShutdownAfter must be 00:00:00 (never) or a positive time span";
        }
    }
}

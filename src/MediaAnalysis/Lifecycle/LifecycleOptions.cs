using MediaAnalysis.Configuration;

namespace MediaAnalysis.Lifecycle;

public sealed class LifecycleOptions : IValidatedOptions
{
    public const string SectionName = "Lifecycle";

    // `serve` exits 0 after this long with no job and no platform request, so an idle machine stops;
    // the platform's next request starts it again. Zero means never.
    public TimeSpan IdleShutdownAfter { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<string> Validate()
    {
        if (IdleShutdownAfter < TimeSpan.Zero)
        {
            yield return $"{SectionName}:IdleShutdownAfter must be 00:00:00 (never) or a positive time span";
        }
    }
}

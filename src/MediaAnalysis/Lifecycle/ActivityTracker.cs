namespace MediaAnalysis.Lifecycle;

// When the app last did something a person caused: a platform request, or a job waiting or running.
// Health checks and metric scrapes are not activity: the platform probes them all the time.
public sealed class ActivityTracker(TimeProvider time)
{
    private long _last = time.GetTimestamp();

    public void Touch() => Interlocked.Exchange(ref _last, time.GetTimestamp());

    public TimeSpan IdleFor => time.GetElapsedTime(Interlocked.Read(ref _last));

    public static bool Counts(PathString path) =>
        !path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}

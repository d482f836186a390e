namespace MediaAnalysis.Lifecycle;

// When the app last did something a person caused: a verified platform request (answered with a success),
// or a job waiting or running. Health checks, metric scrapes and refused requests (401, 4xx) are not activity.
public sealed class ActivityTracker(TimeProvider time)
{
    private long _last = time.GetTimestamp();

    public void Touch() => Interlocked.Exchange(ref _last, time.GetTimestamp());

    public TimeSpan IdleFor => time.GetElapsedTime(Interlocked.Read(ref _last));

    public static bool Counts(PathString path) =>
        !path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}

using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Lifecycle;

// Stops the host (exit 0) once nothing has happened for Lifecycle:IdleShutdownAfter. Fly's proxy cannot
// see background jobs, so the app, not the proxy, decides when the machine may stop.
public sealed partial class IdleShutdownService(
    ActivityTracker activity,
    IJobMaintenance store,
    IHostApplicationLifetime lifetime,
    IOptions<LifecycleOptions> options,
    TimeProvider time,
    ILogger<IdleShutdownService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = options.Value.IdleShutdownAfter;
        if (after <= TimeSpan.Zero)
        {
            return;
        }
        var tick = TimeSpan.FromTicks(Math.Clamp(after.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(30).Ticks));
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (running, queued) = await store.CountsAsync(stoppingToken);
                if (running + queued > 0)
                {
                    activity.Touch();
                }
                else if (activity.IdleFor >= after)
                {
                    IdleStop(logger, after.TotalMinutes);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(2200, LogLevel.Information, "Idle for {Minutes:0.#} minutes with no job: stopping (the next request starts the app again)")]
    private static partial void IdleStop(ILogger logger, double minutes);
}

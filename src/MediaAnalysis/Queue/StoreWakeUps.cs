using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// Wake-ups from a shared store (PostgreSQL's NOTIFY): a job queued or freed anywhere wakes this worker within
// milliseconds, jobs given up by an instance shutting down are rescued at once, and a cancel clicked on any
// instance reaches the job here. Polling (Queue:PollInterval), the heartbeat's rescue pass and lease renewals
// stay the fallback; a store without notifications (SQLite) leaves this idle.
public sealed class StoreWakeUps(IJobStore store, WorkerWakeUp wakeUp, RunningJobs running, TimeProvider time, ILogger<StoreWakeUps> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => store is IJobNotifications notifications
        ? notifications.ListenAsync(payload => Received(payload, stoppingToken), stoppingToken)
        : Task.CompletedTask;

    private void Received(string payload, CancellationToken stoppingToken)
    {
        if (payload.StartsWith("cancel:", StringComparison.Ordinal))
        {
            running.TryCancel(payload["cancel:".Length..]);
        }
        else if (payload == "released")
        {
            _ = Task.Run(() => RescueAsync(stoppingToken), CancellationToken.None);
        }
        else
        {
            wakeUp.Wake();
        }
    }

    private async Task RescueAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await store.RescueLapsedAsync(time.GetUtcNow(), stoppingToken) > 0)
            {
                wakeUp.Wake();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LeaseLog.HeartbeatFailed(logger, ex);
        }
    }
}

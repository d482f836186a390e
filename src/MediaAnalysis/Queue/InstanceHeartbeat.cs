using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// Every quarter lease: says this process is alive (and names any other live process with its instance id), and
// puts back in the queue the jobs of instances that stopped renewing their leases (killed, lost, frozen), by
// compare-and-set, then wakes the worker to take them.
public sealed class InstanceHeartbeat(
    IJobClaims claims,
    InstanceIdentity identity,
    WorkerWakeUp wakeUp,
    IOptions<QueueOptions> options,
    TimeProvider time,
    ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = options.Value.LeaseDuration;
        LeaseLog.Serving(logger, identity.Owner);
        using var timer = new PeriodicTimer(lease / 4, time);
        try
        {
            do
            {
                await BeatAsync(lease, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task BeatAsync(TimeSpan lease, CancellationToken stoppingToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var others = await claims.HeartbeatAsync(identity.InstanceId, identity.Owner, now, lease, stoppingToken);
            if (others.Count > 0 && !others.SequenceEqual(identity.Duplicates, StringComparer.Ordinal))
            {
                LeaseLog.DuplicateInstance(logger, identity.InstanceId, string.Join(", ", others), identity.Owner);
            }
            identity.Duplicates = others;
            var rescued = await claims.RescueLapsedAsync(now, stoppingToken);
            if (rescued > 0)
            {
                LeaseLog.Rescued(logger, rescued);
                wakeUp.Wake();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LeaseLog.HeartbeatFailed(logger, ex);
        }
    }
}

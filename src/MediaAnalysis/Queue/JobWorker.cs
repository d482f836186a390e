using System.Collections.Concurrent;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// Starts jobs as the database allows: at most MaxConcurrentJobs here, one per tenant (the database's rule).
// On start it takes back jobs a dead process of its instance id left running; on SIGTERM it takes nothing new,
// lets running jobs finish for ShutdownGrace, and puts the rest back in the queue for any instance (JobRunner).
// Leases are held by InstanceIdentity.Owner (instance id and per-process nonce).
public sealed class JobWorker(
    IJobStore store,
    JobRunner runner,
    JobQueue queue,
    WorkerWakeUp wakeUp,
    RunningJobs runningJobs,
    InstanceIdentity identity,
    TempFolders tempFolders,
    IOptions<QueueOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly QueueOptions _options = options.Value;
    private readonly CancellationTokenSource _hardStop = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public int Running => _running.Count;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.UsesOldPendingKey)
        {
            QueueLog.OldPendingKey(logger);
        }
        await store.InitializeAsync(cancellationToken);
        // The first request after a wake-up must not pay for a pooled connection's set-up and the first run of the
        // row reader and the wait estimate's read (statements themselves are kept only on the write connection).
        await store.FindByKeyAsync("warm-up", cancellationToken);
        await store.RecentAverageDurationAsync(cancellationToken);
        var requeued = await store.RequeueOrphansAsync(identity.InstanceId, time.GetUtcNow(), cancellationToken);
        if (requeued > 0)
        {
            QueueLog.Requeued(logger, requeued);
        }
        // Nothing runs here yet: any job folder under this instance's id is a killed process's.
        if (tempFolders.DeleteLeftovers() is > 0 and var leftovers)
        {
            QueueLog.LeftoversDeleted(logger, leftovers, tempFolders.Path);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var draining = Task.WhenAll(_running.Values);
        await Task.WhenAny(draining, Task.Delay(_options.ShutdownGrace, time, CancellationToken.None));
        await _hardStop.CancelAsync();
        await Task.WhenAny(draining, Task.Delay(TimeSpan.FromSeconds(10), time, CancellationToken.None));
    }

    public override void Dispose()
    {
        _hardStop.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leases = RenewLeasesAsync(stoppingToken);
        var retention = RetentionAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (_running.Count < _options.MaxConcurrentJobs
                    && await store.ClaimNextAsync(identity.Owner, time.GetUtcNow(), _options.LeaseDuration, stoppingToken) is { } job)
                {
                    _running[job.Id] = Task.Run(() => RunOneAsync(job), CancellationToken.None);
                }
                await wakeUp.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                QueueLog.LoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
        }
        await Task.WhenAll(leases, retention);
    }

    private async Task RunOneAsync(JobRecord job)
    {
        try
        {
            await runner.RunAsync(job, _hardStop.Token);
        }
        catch (Exception ex)
        {
            QueueLog.Crashed(logger, job.Id, ex);
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
            wakeUp.Wake();
        }
        try
        {
            await queue.RefreshQueuedAsync(job.Platform, job.Tenant, _hardStop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            QueueLog.StatusFailed(logger, job.Id, ex.GetType().Name, ex.Message);
        }
    }

    // Keeps this instance's leases alive and carries cancellations requested through the database.
    private async Task RenewLeasesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.LeaseDuration / 4, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var ids = _running.Keys.ToList();
                    foreach (var id in await store.RenewLeasesAsync(identity.Owner, ids, time.GetUtcNow(), _options.LeaseDuration, stoppingToken))
                    {
                        runningJobs.TryCancel(id);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    QueueLog.LoopFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RetentionAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                try
                {
                    var cutoff = time.GetUtcNow() - TimeSpan.FromDays(storage.Value.RetentionDays);
                    var deleted = await store.DeleteFinishedBeforeAsync(cutoff, stoppingToken);
                    if (deleted > 0)
                    {
                        QueueLog.Retention(logger, deleted);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    QueueLog.LoopFailed(logger, ex);
                }
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

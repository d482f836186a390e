using MediaAnalysis.Lifecycle;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Diagnostics;

// What /healthz and /metrics say about the job store, without a database call per probe or scrape:
// the write check is kept for Lifecycle:HealthCheckCacheFor (one probe at a time refreshes it), and the
// queue-depth gauge reads the last counts known while a refresh runs on the thread pool, never blocking
// the scrape's thread on SQLite.
public sealed class StoreProbe(IJobMaintenance store, TimeProvider time, IOptions<LifecycleOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _checking = new(1, 1);
    private StoreHealth? _health;
    private StoreCounts? _counts;
    private int _refreshing;

    public async Task<StoreHealth> HealthAsync(CancellationToken cancellationToken)
    {
        var maxAge = options.Value.HealthCheckCacheFor;
        if (Volatile.Read(ref _health) is { } cached && time.GetElapsedTime(cached.At) < maxAge)
        {
            return cached;
        }
        await _checking.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _health) is { } again && time.GetElapsedTime(again.At) < maxAge)
            {
                return again;
            }
            var health = await CheckAsync(cancellationToken);
            Volatile.Write(ref _health, health);
            if (health.CanWrite)
            {
                Volatile.Write(ref _counts, new StoreCounts(health.Running, health.Queued, health.At));
            }
            return health;
        }
        finally
        {
            _checking.Release();
        }
    }

    // The counts as last read (null before the first read); a read older than the cache age starts another
    // in the background.
    public StoreCounts? LastCounts()
    {
        var counts = Volatile.Read(ref _counts);
        var maxAge = options.Value.HealthCheckCacheFor;
        if ((counts is null || time.GetElapsedTime(counts.At) >= maxAge) && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(RefreshCountsAsync);
        }
        return counts;
    }

    public void Dispose() => _checking.Dispose();

    private async Task<StoreHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await store.CanWriteAsync(time.GetUtcNow(), cancellationToken))
            {
                var (running, queued) = await store.CountsAsync(cancellationToken);
                return new StoreHealth(true, running, queued, time.GetTimestamp());
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
        }
        return new StoreHealth(false, 0, 0, time.GetTimestamp());
    }

    // The first read may come before the worker has created the schema (AppMetrics starts it when it is built):
    // until one read has succeeded, a failed one is tried again a little later, for up to 10 s.
    private async Task RefreshCountsAsync()
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var (running, queued) = await store.CountsAsync(CancellationToken.None);
                    Volatile.Write(ref _counts, new StoreCounts(running, queued, time.GetTimestamp()));
                    return;
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
                {
                    if (Volatile.Read(ref _counts) is not null || attempt >= 100)
                    {
                        return;
                    }
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100), time);
            }
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}

using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Diagnostics;

// What /healthz and /metrics say about the job store. The write check is kept for
// Diagnostics:HealthCheckCacheFor (one probe at a time refreshes it), so a probe is not a database write. The
// queue-depth gauge only reads the last counts known: a scrape first starts a read on the thread pool and
// awaits it for at most ScrapeWait (asynchronously, no thread waits), so a busy database leaves the scrape
// with the previous counts instead of blocking it.
public sealed class StoreProbe(IJobMaintenance store, TimeProvider time, IOptions<DiagnosticsOptions> options) : IDisposable
{
    public static readonly TimeSpan ScrapeWait = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _checking = new(1, 1);
    private readonly Lock _gate = new();
    private StoreHealth? _health;
    private StoreCounts? _counts;
    private Task _reading = Task.CompletedTask;

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

    // The counts as last read; null before the first read.
    public StoreCounts? LastCounts() => Volatile.Read(ref _counts);

    // Starts a read of the counts (or joins the one under way) and waits for it, at most `wait`.
    public async Task FreshenAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        Task reading;
        lock (_gate)
        {
            if (_reading.IsCompleted)
            {
                _reading = Task.Run(ReadCountsAsync, CancellationToken.None);
            }
            reading = _reading;
        }
        try
        {
            await reading.WaitAsync(wait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // the scrape goes on with the counts it has
        }
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
    private async Task ReadCountsAsync()
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
    }
}

using System.Collections.Concurrent;

namespace MediaAnalysis.Queue;

// In-process coordination: wakes the worker when work may start, and reaches running jobs to cancel them.
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    public void Wake()
    {
        if (_wake.CurrentCount > 0)
        {
            return; // already signalled
        }
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another thread in between.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Register(string jobId, CancellationTokenSource cancel) => _running[jobId] = cancel;

    public void Unregister(string jobId) => _running.TryRemove(jobId, out _);

    public bool TryCancel(string jobId)
    {
        if (!_running.TryGetValue(jobId, out var cancel))
        {
            return false;
        }
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        return true;
    }

    public int RunningHere => _running.Count;

    public void Dispose() => _wake.Dispose();
}

using System.Collections.Concurrent;

namespace MediaAnalysis.Queue;

// The cancel registry: the jobs running in this process, each reachable by id to cancel it.
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

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
}

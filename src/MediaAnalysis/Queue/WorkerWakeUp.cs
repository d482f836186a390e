namespace MediaAnalysis.Queue;

// Wakes the worker when work may start here (a job was queued, or one ended); it also polls on its own.
public sealed class WorkerWakeUp : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

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

    public void Dispose() => _wake.Dispose();
}

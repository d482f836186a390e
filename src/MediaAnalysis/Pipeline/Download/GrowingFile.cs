namespace MediaAnalysis.Pipeline.Download;

// How much of a download is on disk, for a reader that starts before it ends (the audio extraction
// of a faststart MP4). One writer (the downloader), one waiter at a time.
public sealed class GrowingFile
{
    private readonly Lock _gate = new();
    private long _written;
    private long _wanted = long.MaxValue;
    private bool _ended;
    private TaskCompletionSource<bool>? _waiter;

    public long Written => Interlocked.Read(ref _written);

    internal void Advance(long written)
    {
        Interlocked.Exchange(ref _written, written); // a full fence: pairs with the one in WaitForAsync
        if (written >= Interlocked.Read(ref _wanted))
        {
            Complete();
        }
    }

    // The download stopped, finished or not: a waiter learns that no more bytes will come.
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
        }
        Complete();
    }

    // Waits until `bytes` are on disk (true) or the download ended short of them (false).
    public Task<bool> WaitForAsync(long bytes, CancellationToken cancellationToken)
    {
        Task<bool> task;
        lock (_gate)
        {
            if (Written >= bytes)
            {
                return Task.FromResult(true);
            }
            if (_ended)
            {
                return Task.FromResult(false);
            }
            _waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            task = _waiter.Task;
            Interlocked.Exchange(ref _wanted, bytes);
        }
        if (Written >= bytes)
        {
            Complete(); // a chunk landed between the check and the wish
        }
        return task.WaitAsync(cancellationToken);
    }

    private void Complete()
    {
        TaskCompletionSource<bool> waiter;
        bool reached;
        lock (_gate)
        {
            if (_waiter is null)
            {
                return;
            }
            reached = Written >= Interlocked.Read(ref _wanted);
            if (!reached && !_ended)
            {
                return;
            }
            waiter = _waiter;
            _waiter = null;
            Interlocked.Exchange(ref _wanted, long.MaxValue);
        }
        waiter.TrySetResult(reached);
    }
}

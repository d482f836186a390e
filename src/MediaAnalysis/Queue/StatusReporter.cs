using MediaAnalysis.Jobs;

namespace MediaAnalysis.Queue;

// The one live status message of a job. Changes arrive from many threads; what the platform sees is the
// latest snapshot, at most once per interval, so progress alone never meets a rate limit.
public sealed class StatusReporter : IAsyncDisposable
{
    private readonly IChatReplier _replier;
    private readonly ReplyContext _context;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _dirty = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private JobStatus _current;
    private long _lastShown = long.MinValue;

    public StatusReporter(IChatReplier replier, ReplyContext context, JobStatus initial, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _replier = replier;
        _context = context;
        _current = initial;
        _interval = interval;
        _time = time;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
        Signal();
    }

    public JobStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Update(Func<JobStatus, JobStatus> change)
    {
        lock (_gate)
        {
            _current = change(_current);
        }
        Signal();
    }

    // The last word: stops the coalescing loop and shows the final state at once.
    public async Task FinishAsync(Func<JobStatus, JobStatus> change, CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop;
        JobStatus final;
        lock (_gate)
        {
            _current = change(_current);
            final = _current;
        }
        await ShowAsync(final, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _dirty.Dispose();
    }

    private void Signal()
    {
        if (_dirty.CurrentCount > 0)
        {
            return; // already signalled: no exception thrown for nothing (most updates land here)
        }
        try
        {
            _dirty.Release();
        }
        catch (SemaphoreFullException)
        {
            // signalled by another thread in between
        }
    }

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                await _dirty.WaitAsync(_stop.Token);
                var wait = _lastShown == long.MinValue ? TimeSpan.Zero : _interval - _time.GetElapsedTime(_lastShown);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, _stop.Token);
                }
                await ShowAsync(Current, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ShowAsync(JobStatus status, CancellationToken cancellationToken)
    {
        _lastShown = _time.GetTimestamp();
        try
        {
            await _replier.ShowStatusAsync(_context, status, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The status message is a view; a failed edit must never fail the job.
            QueueLog.StatusFailed(_logger, _context.JobId, ex.GetType().Name, ex.Message);
        }
    }
}

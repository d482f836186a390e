using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// The check a running job makes before anything that shows outside (a post, a status edit, its end): does this
// process still hold this attempt of the job? The store confirms it (and extends the lease) in one compare-and-set
// on owner, attempt and state. Once lost, LostToken is cancelled and every later check says no. A confirmation
// extends the lease to a full LeaseDuration, so for a tenth of it (on the monotonic clock, which keeps running
// while the process is frozen) no other instance can have taken the job: checks within that time are not asked
// again, which keeps the store's write load of frequent status edits down.
public sealed class LeaseFence(IJobClaims claims, string jobId, string owner, int attempt, TimeSpan lease, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private volatile bool _ended;
    private long _confirmedAt = long.MinValue;

    public CancellationToken LostToken => _lost.Token;

    public bool Lost => _lost.IsCancellationRequested;

    public async Task<bool> HoldsAsync()
    {
        if (_ended)
        {
            return true;
        }
        if (Lost)
        {
            return false;
        }
        var confirmedAt = Interlocked.Read(ref _confirmedAt);
        if (confirmedAt != long.MinValue && time.GetElapsedTime(confirmedAt) < lease / 10)
        {
            return true;
        }
        var asked = time.GetTimestamp();
        if (await claims.ConfirmLeaseAsync(jobId, owner, attempt, time.GetUtcNow(), lease, CancellationToken.None))
        {
            Interlocked.Exchange(ref _confirmedAt, asked);
            return true;
        }
        await _lost.CancelAsync();
        return false;
    }

    public async Task EnsureAsync()
    {
        if (!await HoldsAsync())
        {
            throw new LeaseLostException($"Job {jobId}: attempt {attempt} is no longer held by {owner}.");
        }
    }

    // The job was ended by this process (its final state written under the lease): what is left to show about it
    // (the final status) needs no more checks.
    public void End() => _ended = true;

    public void Dispose() => _lost.Dispose();
}

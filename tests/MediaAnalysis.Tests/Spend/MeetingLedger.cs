using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Spend;

// The app's ledger, with reads that can be made to return together: once armed (MeetAt), the next `callers` sums
// wait for each other after reading, as requests that read the ledger at the same instant do. A caller left waiting
// more than ten seconds fails (fewer came than the test expected).
public sealed class MeetingLedger(ISpendStore ledger) : ISpendStore
{
    private TaskCompletionSource? _met;
    private int _expected;
    private int _arrived;

    public void MeetAt(int callers)
    {
        _expected = callers;
        _arrived = 0;
        _met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Disarm() => _met = null;

    public async Task<SpendTotals> TotalsAsync(
        string platform, string tenant, string requesterId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var totals = await ledger.TotalsAsync(platform, tenant, requesterId, since, until, cancellationToken);
        if (_met is { } met)
        {
            if (Interlocked.Increment(ref _arrived) >= _expected)
            {
                met.TrySetResult();
            }
            await met.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        return totals;
    }

    public Task<bool> RecordAsync(SpendEntry entry, CancellationToken cancellationToken) => ledger.RecordAsync(entry, cancellationToken);

    public Task<decimal?> ModelUsdPerMinuteAsync(string platform, string? tenant, int jobs, CancellationToken cancellationToken) =>
        ledger.ModelUsdPerMinuteAsync(platform, tenant, jobs, cancellationToken);

    public Task<(int Calls, int Costed)> RecentModelCallsAsync(string model, int calls, CancellationToken cancellationToken) =>
        ledger.RecentModelCallsAsync(model, calls, cancellationToken);

    public Task<bool> ClaimNoticeAsync(string platform, string tenant, string month, string jobId, CancellationToken cancellationToken) =>
        ledger.ClaimNoticeAsync(platform, tenant, month, jobId, cancellationToken);
}

namespace MediaAnalysis.Storage;

// The ledger of a store opened on first use (beside a job store that is not itself an ISpendStore).
internal sealed class LazySpendStore(Lazy<ISpendStore> store) : ISpendStore
{
    public Task<bool> RecordAsync(SpendEntry entry, CancellationToken cancellationToken) => store.Value.RecordAsync(entry, cancellationToken);

    public Task<SpendTotals> TotalsAsync(string platform, string tenant, string requesterId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        store.Value.TotalsAsync(platform, tenant, requesterId, since, until, cancellationToken);

    public Task<decimal?> ModelUsdPerMinuteAsync(string platform, string? tenant, int jobs, CancellationToken cancellationToken) =>
        store.Value.ModelUsdPerMinuteAsync(platform, tenant, jobs, cancellationToken);

    public Task<(int Calls, int Costed)> RecentModelCallsAsync(string model, int calls, CancellationToken cancellationToken) =>
        store.Value.RecentModelCallsAsync(model, calls, cancellationToken);

    public Task<bool> ClaimNoticeAsync(string platform, string tenant, string month, string jobId, CancellationToken cancellationToken) =>
        store.Value.ClaimNoticeAsync(platform, tenant, month, jobId, cancellationToken);
}

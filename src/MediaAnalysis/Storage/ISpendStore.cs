namespace MediaAnalysis.Storage;

// The spend ledger in the job store (both providers; kept outside Storage:RetentionDays).
public interface ISpendStore
{
    // True when this row is new; false when that job's call was recorded before (it is not billed twice).
    Task<bool> RecordAsync(SpendEntry entry, CancellationToken cancellationToken);

    // Rows billed in [since, until): the tenant's, and among them those of jobs `requesterId` asked for.
    Task<SpendTotals> TotalsAsync(string platform, string tenant, string requesterId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    // What the model calls of the last `jobs` transcribed jobs cost per transcript minute: the tenant's own jobs,
    // or with tenant null everyone's. Null when there are none.
    Task<decimal?> ModelUsdPerMinuteAsync(string platform, string? tenant, int jobs, CancellationToken cancellationToken);

    // The last `calls` answers of this model (any tenant's): how many there were, and how many of them cost more than
    // nothing (usage.cost as reported, or a price from Pricing:Models). A model whose calls all cost $0 is one the
    // budget cannot see.
    Task<(int Calls, int Costed)> RecentModelCallsAsync(string model, int calls, CancellationToken cancellationToken);

    // True for the first job of this tenant and month ("2026-12") to claim the 80% notice.
    Task<bool> ClaimNoticeAsync(string platform, string tenant, string month, string jobId, CancellationToken cancellationToken);
}

using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

// The SQLite job store: one SqliteDatabase (connections, write gate, checkpoints, schema) and its six parts.
public sealed class SqliteJobStore : JobStore, ISpendStore, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SpendStore _spend;

    public SqliteJobStore(IOptions<StorageOptions> options, ILogger<SqliteJobStore> logger, TimeProvider? time = null)
        : this(new SqliteDatabase(options.Value, logger), logger, time ?? TimeProvider.System)
    {
    }

    private SqliteJobStore(SqliteDatabase database, ILogger logger, TimeProvider time)
        : base(new SqliteJobIntake(database), new SqliteJobClaims(database), new SqliteJobProgress(database, time),
            new SqliteJobResults(database), new SqliteJobMaintenance(database, logger), new SqliteTenantSettings(database))
    {
        _database = database;
        _spend = new SpendStore(
            (sql, ct, parameters) => database.NonQueryAsync(sql, _ => { }, ct, parameters),
            (sql, ct, parameters) => database.ListAsync(sql, SpendStore.Numbers, ct, parameters));
        Questions = new SqliteQuestionStore(database);
    }

    // Follow-up questions, on the same database.
    public IQuestionStore Questions { get; }

    // The checkpoint under way, if any (tests wait for it).
    internal Task CheckpointTask => _database.CheckpointTask;

    public Task<bool> RecordAsync(SpendEntry entry, CancellationToken cancellationToken) => _spend.RecordAsync(entry, cancellationToken);

    public Task<SpendTotals> TotalsAsync(string platform, string tenant, string requesterId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        _spend.TotalsAsync(platform, tenant, requesterId, since, until, cancellationToken);

    public Task<decimal?> ModelUsdPerMinuteAsync(string platform, string? tenant, int jobs, CancellationToken cancellationToken) =>
        _spend.ModelUsdPerMinuteAsync(platform, tenant, jobs, cancellationToken);

    public Task<(int Calls, int Costed)> RecentModelCallsAsync(string model, int calls, CancellationToken cancellationToken) =>
        _spend.RecentModelCallsAsync(model, calls, cancellationToken);

    public Task<bool> ClaimNoticeAsync(string platform, string tenant, string month, string jobId, CancellationToken cancellationToken) =>
        _spend.ClaimNoticeAsync(platform, tenant, month, jobId, cancellationToken);

    public void Dispose() => _database.Dispose();
}

using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

// The PostgreSQL job store (Storage:Provider = postgres): one PostgresDatabase (its pool, schema and wake-ups)
// and its six parts. Several instances share it.
public sealed class PostgresJobStore : JobStore, IJobNotifications, ISpendStore, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly SpendStore _spend;

    public PostgresJobStore(IOptions<StorageOptions> options, ILogger<PostgresJobStore> logger, TimeProvider? time = null)
        : this(new PostgresDatabase(options.Value, logger, time ?? TimeProvider.System), logger, time ?? TimeProvider.System)
    {
    }

    private PostgresJobStore(PostgresDatabase database, ILogger logger, TimeProvider time)
        : base(new PostgresJobIntake(database), new PostgresJobClaims(database), new PostgresJobProgress(database, time),
            new PostgresJobResults(database), new PostgresJobMaintenance(database, logger), new PostgresTenantSettings(database))
    {
        _database = database;
        _spend = new SpendStore(database.NonQueryAsync, (sql, ct, parameters) => database.ListAsync(sql, SpendStore.Numbers, ct, parameters));
        Questions = new PostgresQuestionStore(database);
    }

    // Follow-up questions, on the same database.
    public IQuestionStore Questions { get; }

    public Task ListenAsync(Action<string> received, CancellationToken cancellationToken) => _database.ListenAsync(received, cancellationToken);

    public Task<bool> RecordAsync(SpendEntry entry, CancellationToken cancellationToken) => _spend.RecordAsync(entry, cancellationToken);

    public Task<SpendTotals> TotalsAsync(string platform, string tenant, string requesterId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        _spend.TotalsAsync(platform, tenant, requesterId, since, until, cancellationToken);

    public Task<decimal?> ModelUsdPerMinuteAsync(string platform, string? tenant, int jobs, CancellationToken cancellationToken) =>
        _spend.ModelUsdPerMinuteAsync(platform, tenant, jobs, cancellationToken);

    public Task<(int Calls, int Costed)> RecentModelCallsAsync(string model, int calls, CancellationToken cancellationToken) =>
        _spend.RecentModelCallsAsync(model, calls, cancellationToken);

    public Task<bool> ClaimNoticeAsync(string platform, string tenant, string month, string jobId, CancellationToken cancellationToken) =>
        _spend.ClaimNoticeAsync(platform, tenant, month, jobId, cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}

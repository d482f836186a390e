using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

// The PostgreSQL job store (Storage:Provider = postgres): one PostgresDatabase (its pool, schema and wake-ups)
// and its five parts. Several instances share it.
public sealed class PostgresJobStore : JobStore, ITenantSettingsStore, IJobNotifications, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly PostgresTenantSettings _settings;

    public PostgresJobStore(IOptions<StorageOptions> options, ILogger<PostgresJobStore> logger, TimeProvider? time = null)
        : this(new PostgresDatabase(options.Value, logger, time ?? TimeProvider.System), logger, time ?? TimeProvider.System)
    {
    }

    private PostgresJobStore(PostgresDatabase database, ILogger logger, TimeProvider time)
        : base(new PostgresJobIntake(database), new PostgresJobClaims(database), new PostgresJobProgress(database, time),
            new PostgresJobResults(database), new PostgresJobMaintenance(database, logger))
    {
        _database = database;
        _settings = new PostgresTenantSettings(database);
    }

    public Task ListenAsync(Action<string> received, CancellationToken cancellationToken) => _database.ListenAsync(received, cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public Task<StoredSettings?> GetSettingsAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        _settings.GetSettingsAsync(platform, tenant, cancellationToken);

    public Task<bool> SaveSettingsAsync(
        string platform, string tenant, int expectedVersion, string document, SettingsChange change, DateTimeOffset now, CancellationToken cancellationToken) =>
        _settings.SaveSettingsAsync(platform, tenant, expectedVersion, document, change, now, cancellationToken);

    public Task<IReadOnlyList<SettingsChange>> RecentChangesAsync(string platform, string tenant, int count, CancellationToken cancellationToken) =>
        _settings.RecentChangesAsync(platform, tenant, count, cancellationToken);

    public Task<string> SnapshotSettingsAsync(string jobId, string document, CancellationToken cancellationToken) =>
        _settings.SnapshotSettingsAsync(jobId, document, cancellationToken);
}

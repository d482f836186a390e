using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

// The SQLite job store: one SqliteDatabase (connections, write gate, checkpoints, schema) and its five parts.
public sealed class SqliteJobStore : JobStore, ITenantSettingsStore, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SqliteTenantSettings _settings;

    public SqliteJobStore(IOptions<StorageOptions> options, ILogger<SqliteJobStore> logger, TimeProvider? time = null)
        : this(new SqliteDatabase(options.Value, logger), logger, time ?? TimeProvider.System)
    {
    }

    private SqliteJobStore(SqliteDatabase database, ILogger logger, TimeProvider time)
        : base(new SqliteJobIntake(database), new SqliteJobClaims(database), new SqliteJobProgress(database, time),
            new SqliteJobResults(database), new SqliteJobMaintenance(database, logger))
    {
        _database = database;
        _settings = new SqliteTenantSettings(database);
    }

    // The checkpoint under way, if any (tests wait for it).
    internal Task CheckpointTask => _database.CheckpointTask;

    public void Dispose() => _database.Dispose();

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

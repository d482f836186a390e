using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

// The SQLite job store: one SqliteDatabase (connections, write gate, checkpoints, schema) and its parts.
public sealed class SqliteJobStore : JobStore, IDisposable
{
    private readonly SqliteDatabase _database;

    public SqliteJobStore(IOptions<StorageOptions> options, ILogger<SqliteJobStore> logger, TimeProvider? time = null)
        : this(new SqliteDatabase(options.Value, logger), logger, time ?? TimeProvider.System)
    {
    }

    private SqliteJobStore(SqliteDatabase database, ILogger logger, TimeProvider time)
        : base(new SqliteJobIntake(database), new SqliteJobClaims(database), new JobProgress(database, time),
            new SqliteJobResults(database), new SqliteJobMaintenance(database, logger), new SqliteTenantSettings(database),
            new SpendStore(database), new QuestionStore(database))
    {
        _database = database;
    }

    // The checkpoint under way, if any (tests wait for it).
    internal Task CheckpointTask => _database.CheckpointTask;

    public void Dispose() => _database.Dispose();
}

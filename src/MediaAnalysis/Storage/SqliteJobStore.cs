using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

// The SQLite job store: one SqliteDatabase (connections, write gate, checkpoints, schema) and its five parts.
public sealed class SqliteJobStore : JobStore, IDisposable
{
    private readonly SqliteDatabase _database;

    public SqliteJobStore(IOptions<StorageOptions> options, ILogger<SqliteJobStore> logger, TimeProvider? time = null)
        : this(new SqliteDatabase(options.Value, logger), logger, time ?? TimeProvider.System)
    {
    }

    private SqliteJobStore(SqliteDatabase database, ILogger logger, TimeProvider time)
        : base(new SqliteJobIntake(database), new SqliteJobClaims(database), new SqliteJobProgress(database, time),
            new SqliteJobResults(database), new SqliteJobMaintenance(database, logger))
    {
        _database = database;
        Questions = new SqliteQuestionStore(database);
    }

    // Follow-up questions, on the same database.
    public IQuestionStore Questions { get; }

    // The checkpoint under way, if any (tests wait for it).
    internal Task CheckpointTask => _database.CheckpointTask;

    public void Dispose() => _database.Dispose();
}

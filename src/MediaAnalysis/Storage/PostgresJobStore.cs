using Microsoft.Extensions.Options;

namespace MediaAnalysis.Storage;

// The PostgreSQL job store (Storage:Provider = postgres): one PostgresDatabase (its pool, schema and wake-ups)
// and its parts. Several instances share it.
public sealed class PostgresJobStore : JobStore, IJobNotifications, IAsyncDisposable
{
    private readonly PostgresDatabase _database;

    public PostgresJobStore(IOptions<StorageOptions> options, ILogger<PostgresJobStore> logger, TimeProvider? time = null)
        : this(new PostgresDatabase(options.Value, logger, time ?? TimeProvider.System), logger, time ?? TimeProvider.System)
    {
    }

    private PostgresJobStore(PostgresDatabase database, ILogger logger, TimeProvider time)
        : base(new PostgresJobIntake(database), new PostgresJobClaims(database), new JobProgress(database, time),
            new PostgresJobResults(database), new PostgresJobMaintenance(database, logger), new PostgresTenantSettings(database),
            new SpendStore(database), new QuestionStore(database))
    {
        _database = database;
    }

    public Task ListenAsync(Action<string> received, CancellationToken cancellationToken) => _database.ListenAsync(received, cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}

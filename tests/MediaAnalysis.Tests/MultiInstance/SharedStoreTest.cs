using MediaAnalysis.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.MultiInstance;

// A throwaway PostgreSQL database with the job store on it, made for each test and dropped after: the store the
// test reads and enqueues through, while real `serve` processes share the same database.
#pragma warning disable CA1001 // the store is disposed in IAsyncLifetime.DisposeAsync
public abstract class SharedStoreTest : INeedsPostgres, IAsyncLifetime
{
    private protected TestDatabase Database { get; } = new();

    private protected PostgresJobStore Store { get; private set; } = null!;
#pragma warning restore CA1001

    public async Task InitializeAsync()
    {
        Store = new PostgresJobStore(Options.Create(new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = Database.ConnectionString }),
            NullLogger<PostgresJobStore>.Instance);
        await Store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await Database.DropAsync();
    }
}

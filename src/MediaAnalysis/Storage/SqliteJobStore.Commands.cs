using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

public sealed partial class SqliteJobStore : IDisposable
{
    // SQLite takes one writer at a time and makes the others sleep in its busy handler, holding their threads.
    // Writers of this process wait here instead, asynchronously and in order; readers never wait (WAL).
    private readonly SemaphoreSlim _writes = new(1, 1);

    // SQLite's own checkpoint runs inside whichever commit crosses 1,000 WAL pages and fsyncs there: a
    // request that happens to make that commit waits for the disk (long, while videos are being written).
    // Checkpoints run here instead, in the background, every so many writes: PASSIVE ones, which copy what
    // they can without blocking anybody; the log restarts from its beginning at the next write after one
    // has caught up, which happens whenever writes pause. Should it still outgrow MaxWalBytes (writes that
    // never pause), one checkpoint takes the write gate and truncates it.
    private const int WritesPerCheckpoint = 100;
    private const long MaxWalBytes = 16L * 1024 * 1024;
    private int _writesSinceCheckpoint;
    private Task _checkpoint = Task.CompletedTask;

    public void Dispose() => _writes.Dispose();

    private async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _writes.Release();
            if (Interlocked.Increment(ref _writesSinceCheckpoint) >= WritesPerCheckpoint)
            {
                StartCheckpoint();
            }
        }
    }

    // The checkpoint under way, if any (tests wait for it).
    internal Task CheckpointTask => Volatile.Read(ref _checkpoint);

    private void StartCheckpoint()
    {
        var running = new TaskCompletionSource();
        var previous = Volatile.Read(ref _checkpoint);
        if (!previous.IsCompleted || Interlocked.CompareExchange(ref _checkpoint, running.Task, previous) != previous)
        {
            return; // one at a time
        }
        Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
        _ = Task.Run(async () =>
        {
            var gated = false;
            try
            {
                var truncate = _walPath is not null && File.Exists(_walPath) && new FileInfo(_walPath).Length > MaxWalBytes;
                if (truncate)
                {
                    await _writes.WaitAsync();
                    gated = true;
                }
                await using var connection = await OpenAsync(CancellationToken.None);
                await using var command = connection.CreateCommand();
                command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException ex)
            {
                CheckpointFailed(logger, ex.SqliteErrorCode, ex.Message);
            }
            finally
            {
                if (gated)
                {
                    _writes.Release();
                }
                running.SetResult();
            }
        });
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL with synchronous=NORMAL: a commit survives a crash or kill of the process (what restarts are)
        // without an fsync per write; only a power cut can lose the last moments.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static async Task<JobRecord?> FindAsync(
        SqliteConnection connection,
        string where,
        Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {JobRows.JobColumns} FROM jobs WHERE {where}";
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? JobRows.ReadJob(reader) : null;
    }

    private Task<int> NonQueryAsync(
        string sql,
        Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters) => WriteAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection,
        string sql,
        CancellationToken cancellationToken,
        SqliteTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(
        SqliteConnection connection,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

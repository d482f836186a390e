using MediaAnalysis.Jobs;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// Owns the SQLite database: its connections, the write gate every write goes through, the background
// checkpoints, and the schema. The store's parts (SqliteJob*) hold the SQL and use this for everything else.
internal sealed partial class SqliteDatabase(StorageOptions options, ILogger logger) : IDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder(options.ConnectionString)
    {
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private readonly string? _walPath = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource is { Length: > 0 } file
        && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.GetFullPath(file) + "-wal"
            : null;

    // SQLite takes one writer at a time and makes the others sleep in its busy handler, holding their threads.
    // Writers of this process wait here instead, asynchronously and in order; readers never wait (WAL).
    private readonly SemaphoreSlim _writes = new(1, 1);

    // The native connections already set up (their PRAGMAs), forgotten as the pool lets them go.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private static readonly object Configured = new();

    // Kept open for the writes that take it (SqliteWriter); touched only inside the write gate.
    private SqliteWriter? _writer;

    public void Dispose()
    {
        _writer?.Dispose();
        _writes.Dispose();
    }

    // A write on the kept connection, its statements prepared once. A write that fails leaves it closed, and the
    // next opens a fresh one: whatever went wrong (a disk error, a transaction left open) does not outlive it.
    public Task<T> WriteAsync<T>(Func<SqliteWriter, Task<T>> write, CancellationToken cancellationToken) => WriteAsync(async () =>
    {
        _writer ??= new SqliteWriter(await OpenAsync(CancellationToken.None));
        try
        {
            return await write(_writer);
        }
        catch
        {
            _writer.Dispose();
            _writer = null;
            throw;
        }
    }, cancellationToken);

    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
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

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Pooled connections keep their settings: only a new one is set up (an accept opens several).
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            // WAL with synchronous=NORMAL: a commit survives a crash or kill of the process (what restarts are)
            // without an fsync per write; only a power cut can lose the last moments.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            _configured.AddOrUpdate(handle, Configured);
        }
        return connection;
    }

    public static async Task<JobRecord?> FindAsync(
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

    // Every row a read returns, each made into a record by `read`.
    public async Task<IReadOnlyList<T>> ListAsync<T>(
        string sql,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    public Task<int> NonQueryAsync(
        string sql,
        Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters) => WriteAsync(async writer =>
    {
        var command = writer.Command(sql);
        bind(command.Parameters);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }, cancellationToken);

    public static async Task<int> ExecuteAsync(
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

    public static async Task<object?> ScalarAsync(
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

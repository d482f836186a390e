using MediaAnalysis.Jobs;
using System.Data.Common;
using Npgsql;

namespace MediaAnalysis.Storage;

// Owns the PostgreSQL database: one NpgsqlDataSource (its pool), the schema (PostgresDatabase.Schema) and the
// wake-up channel (PostgresDatabase.Notify). Several instances share it; every rule that must hold across them
// is the database's (unique keys and indexes, row locks, compare-and-set updates), never this process's.
internal sealed partial class PostgresDatabase : IAsyncDisposable, ISqlDatabase
{
    // NOTIFY payloads: "job" (work may start), "released" (jobs given up at shutdown), "cancel:<id>" (a running
    // job's cancel was requested).
    public const string Channel = "media_analysis_jobs";

    private readonly NpgsqlDataSource _source;
    private readonly StorageOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public PostgresDatabase(StorageOptions options, ILogger logger, TimeProvider time)
    {
        _options = options;
        _logger = logger;
        _time = time;
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Where = builder.Database is { Length: > 0 } name ? $"{builder.Host}:{builder.Port}/{name}" : $"{builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
    }

    // Host, port and database for messages: never the password.
    public string Where { get; }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _source.OpenConnectionAsync(cancellationToken);

    public static async Task<JobRecord?> FindAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, $"SELECT {JobRows.JobColumns} FROM jobs WHERE {where}", null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? JobRows.ReadJob(reader) : null;
    }

    public async Task<JobRecord?> FindAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindAsync(connection, where, cancellationToken, parameters);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, null, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    public async Task<int> NonQueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, null, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, sql, cancellationToken, null, parameters);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, transaction, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction,
        params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }
}

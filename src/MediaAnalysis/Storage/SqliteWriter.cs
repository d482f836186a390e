using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// The connection the write gate hands to writes that ask for it: one, kept open, used by one write at a time, its
// statements prepared once and kept. SQLite spends longer preparing a statement than running one of the intake's
// (a profile of a burst showed preparing as the accept's largest cost, issue 14), and a pooled connection cannot
// keep them: closing it disposes its commands.
internal sealed class SqliteWriter(SqliteConnection connection) : IDisposable
{
    // Every statement of this app is a constant or built from a few shapes; the bound keeps a mistake from growing.
    private const int MaxKept = 128;

    private readonly Dictionary<string, SqliteCommand> _kept = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    // The statement for `sql`, prepared at its first use, its parameters empty. Not to be disposed by the caller,
    // nor used again before its reader is disposed.
    public SqliteCommand Command(string sql)
    {
        if (_kept.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }
        if (_kept.Count >= MaxKept)
        {
            ForgetAll();
        }
        command = connection.CreateCommand();
        command.CommandText = sql;
        _kept[sql] = command;
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private void ForgetAll()
    {
        foreach (var command in _kept.Values)
        {
            command.Dispose();
        }
        _kept.Clear();
    }

    public void Dispose()
    {
        ForgetAll();
        connection.Dispose();
    }
}

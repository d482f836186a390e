using Npgsql;

namespace MediaAnalysis.Tests.Support;

// A PostgreSQL database of one test's own on the server MEDIAANALYSIS_TEST_POSTGRES names: created on first use,
// dropped (with any connection still open to it) by DropAsync.
public sealed class TestDatabase
{
    private readonly string _name = $"ma_test_{Guid.NewGuid():N}";
    private string? _connectionString;

    public string ConnectionString => _connectionString ??= Create();

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DropAsync()
    {
        if (_connectionString is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Server => StoreFactDiscoverer.ConnectionString
        ?? throw new InvalidOperationException($"{StoreFactDiscoverer.Variable} is not set: no PostgreSQL server to test on");

    private string Create()
    {
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ToString();
    }
}

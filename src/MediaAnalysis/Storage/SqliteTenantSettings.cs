using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// Settings on SQLite: every write through the database's write gate, the document and its change in one transaction.
internal sealed class SqliteTenantSettings(SqliteDatabase database) : ITenantSettingsStore
{
    public async Task<StoredSettings?> GetSettingsAsync(string platform, string tenant, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync(SettingsRows.Select, SettingsRows.ReadSettings, cancellationToken, SettingsRows.Key(platform, tenant));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<bool> SaveSettingsAsync(
        string platform, string tenant, int expectedVersion, string document, SettingsChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return database.WriteAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var written = await SqliteDatabase.ExecuteAsync(connection, expectedVersion == 0 ? SettingsRows.Insert : SettingsRows.Update,
                cancellationToken, transaction, SettingsRows.Write(platform, tenant, expectedVersion, document, now));
            if (written != 1)
            {
                return false;
            }
            await SqliteDatabase.ExecuteAsync(connection, SettingsRows.InsertChange, cancellationToken, transaction,
                SettingsRows.Change(platform, tenant, expectedVersion + 1, change));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<SettingsChange>> RecentChangesAsync(string platform, string tenant, int count, CancellationToken cancellationToken) =>
        database.ListAsync(SettingsRows.Recent, SettingsRows.ReadChange, cancellationToken, [.. SettingsRows.Key(platform, tenant), ("@count", count)]);

    public async Task<string> SnapshotSettingsAsync(string jobId, string document, CancellationToken cancellationToken)
    {
        await database.NonQueryAsync(SettingsRows.Snapshot, _ => { }, cancellationToken, ("@id", jobId), ("@document", document));
        var stored = await database.ListAsync(SettingsRows.ReadSnapshot, r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken, ("@id", jobId));
        return stored.Count == 0 ? document : stored[0] ?? document;
    }
}

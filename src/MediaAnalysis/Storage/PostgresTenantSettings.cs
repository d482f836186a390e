using MediaAnalysis.Jobs;
namespace MediaAnalysis.Storage;

// Settings on PostgreSQL: the document and its change in one transaction; a writer that lost the race (the version
// moved, or a first insert met another) writes nothing and reads again.
internal sealed class PostgresTenantSettings(PostgresDatabase database) : ITenantSettingsStore
{
    public async Task<StoredSettings?> GetSettingsAsync(string platform, string tenant, CancellationToken cancellationToken)
    {
        var rows = await database.ListAsync(SettingsRows.Select, SettingsRows.ReadSettings, cancellationToken, SettingsRows.Key(platform, tenant));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> SaveSettingsAsync(
        string platform, string tenant, int expectedVersion, string document, SettingsChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await PostgresDatabase.ExecuteAsync(connection, expectedVersion == 0 ? SettingsRows.Insert : SettingsRows.Update,
            cancellationToken, transaction, SettingsRows.Write(platform, tenant, expectedVersion, document, now));
        if (written != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await PostgresDatabase.ExecuteAsync(connection, SettingsRows.InsertChange, cancellationToken, transaction,
            SettingsRows.Change(platform, tenant, expectedVersion + 1, change));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<SettingsChange>> RecentChangesAsync(string platform, string tenant, int count, CancellationToken cancellationToken) =>
        database.ListAsync(SettingsRows.Recent, SettingsRows.ReadChange, cancellationToken, [.. SettingsRows.Key(platform, tenant), ("@count", count)]);

    public async Task<string> SnapshotSettingsAsync(string jobId, string document, CancellationToken cancellationToken)
    {
        await database.NonQueryAsync(SettingsRows.Snapshot, cancellationToken, ("@id", jobId), ("@document", document));
        return await database.ScalarAsync(SettingsRows.ReadSnapshot, cancellationToken, ("@id", jobId)) as string ?? document;
    }
}

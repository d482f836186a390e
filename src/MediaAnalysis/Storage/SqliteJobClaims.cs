using MediaAnalysis.Jobs;
using Microsoft.Data.Sqlite;

namespace MediaAnalysis.Storage;

// JobClaims on SQLite: the claim and the lease renewals go through the write gate; a tenant whose job another
// writer started first is refused by the unique index.
internal sealed class SqliteJobClaims(SqliteDatabase database) : JobClaims(database)
{
    private static readonly string ClaimNext = ClaimNextSql("");

    private readonly SqliteDatabase _database = database;

    public override Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        _database.WriteAsync(() => ClaimNextUnlockedAsync(owner, now, lease, cancellationToken), cancellationToken);

    private async Task<JobRecord?> ClaimNextUnlockedAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ClaimNext;
        command.Parameters.AddWithValue("@now", JobRows.Millis(now));
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@until", JobRows.Millis(now + lease));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? JobRows.ReadJob(reader) : null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // Another instance started a job in that tenant first: the unique index said no. Try again later.
            return null;
        }
    }

    public override async Task<IReadOnlyList<string>> RenewLeasesAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        jobIds.Count == 0 ? [] : await _database.WriteAsync(() => RenewLeasesUnlockedAsync(owner, jobIds, now, lease, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<string>> RenewLeasesUnlockedAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = jobIds.Select((_, i) => $"@id{i}").ToList();
        command.CommandText = $"""
            UPDATE jobs SET lease_until = @until
            WHERE lease_owner = @owner AND state = 'running' AND id IN ({string.Join(", ", names)})
            RETURNING id, cancel_requested_by
            """;
        command.Parameters.AddWithValue("@owner", owner);
        foreach (var (name, id) in names.Zip(jobIds))
        {
            command.Parameters.AddWithValue(name, id);
        }
        command.Parameters.AddWithValue("@until", JobRows.Millis(now + lease));
        var cancelled = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1))
            {
                cancelled.Add(reader.GetString(0));
            }
        }
        return cancelled;
    }

    // One instance on one SQLite file: there is no one else to wake.
    protected override Task WakeOthersAsync(string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}

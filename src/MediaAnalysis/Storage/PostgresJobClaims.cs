using MediaAnalysis.Jobs;
using Npgsql;

namespace MediaAnalysis.Storage;

// Claims across instances: the next job is locked with FOR UPDATE SKIP LOCKED (two instances never pick the same
// row, neither waits for the other), and the unique index on running jobs per tenant refuses a second running job
// of one tenant whoever writes it. Leases, rescue and release as in JobClaims; anything that may let another job
// start (a finish, a release, a rescue) wakes the other instances (NOTIFY).
internal sealed class PostgresJobClaims(PostgresDatabase database) : JobClaims(database)
{
    private static readonly string ClaimNext = ClaimNextSql("FOR UPDATE SKIP LOCKED");

    private readonly PostgresDatabase _database = database;

    public override async Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // A tenant another instance started a job in a moment ago is refused by the unique index: that instance
        // has committed by then, so the next try passes over the tenant.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await using var connection = await _database.OpenAsync(cancellationToken);
                await using var command = PostgresDatabase.Command(connection, ClaimNext, null,
                    ("@now", JobRows.Millis(now)), ("@owner", owner), ("@until", JobRows.Millis(now + lease)));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? JobRows.ReadJob(reader) : null;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
            }
        }
        return null;
    }

    public override async Task<IReadOnlyList<string>> RenewLeasesAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }
        var rows = await _database.ListAsync(
            "UPDATE jobs SET lease_until = @until WHERE lease_owner = @owner AND state = 'running' AND id = ANY(@ids) RETURNING id, cancel_requested_by",
            r => (Id: r.GetString(0), Cancelled: !r.IsDBNull(1)), cancellationToken, ("@owner", owner), ("@until", JobRows.Millis(now + lease)),
            ("@ids", jobIds.ToArray()));
        return [.. rows.Where(r => r.Cancelled).Select(r => r.Id)];
    }

    protected override Task WakeOthersAsync(string reason, CancellationToken cancellationToken) =>
        _database.ScalarAsync($"SELECT pg_notify('{PostgresDatabase.Channel}', @reason)", cancellationToken, ("@reason", reason));
}

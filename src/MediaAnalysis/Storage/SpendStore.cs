using System.Globalization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// ISpendStore in portable SQL, over either provider's database. Its reads' cells come back as numbers whatever
// the provider's type (SQLite gives long, PostgreSQL numeric for a SUM of BIGINT).
internal sealed class SpendStore(ISqlDatabase database) : ISpendStore
{
    private const decimal NanosPerUsd = 1_000_000_000m;

    internal const string Insert = """
        INSERT INTO spend_ledger (job_id, call_key, platform, tenant, requester_id, kind, model, minutes, nano_usd, billed_at)
        VALUES (@job, @call, @platform, @tenant, @requester, @kind, @model, @minutes, @nanos, @at)
        ON CONFLICT (job_id, call_key) DO NOTHING
        """;

    // The member's accepted jobs in [@from, @to): the intake counts them in its own transaction (AcceptedToday).
    internal const string MemberJobs = $"""
        SELECT COUNT(*) FROM spend_ledger
        WHERE platform = @platform AND tenant = @tenant AND requester_id = @requester AND kind = '{SpendEntry.Job}'
          AND billed_at >= @from AND billed_at < @to
        """;

    public async Task<bool> RecordAsync(SpendEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await database.NonQueryAsync(Insert, cancellationToken, Parameters(entry)) == 1;
    }

    internal static (string Name, object? Value)[] Parameters(SpendEntry entry) =>
        [("@job", entry.JobId), ("@call", entry.CallKey), ("@platform", entry.Platform), ("@tenant", entry.Tenant),
            ("@requester", entry.RequesterId), ("@kind", entry.Kind), ("@model", entry.Model), ("@minutes", entry.Minutes),
            ("@nanos", (long)Math.Round(entry.Usd * NanosPerUsd)), ("@at", JobRows.Millis(entry.BilledAt))];

    // The ledger's row of a job just accepted (it counts toward its member's day, whatever its end).
    internal static SpendEntry Accepted(JobRecord job, DateTimeOffset now) =>
        new(job.Id, SpendEntry.Job, job.Platform, job.Tenant, job.RequesterId, SpendEntry.Job, null, null, 0, now);

    // MemberJobs' parameters: the request's member and `now`'s UTC day.
    internal static (string Name, object? Value)[] Today(AnalyzeRequest request, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return [("@platform", request.Platform), ("@tenant", request.Tenant), ("@requester", request.RequesterId),
            ("@from", JobRows.Millis(day)), ("@to", JobRows.Millis(day.AddDays(1)))];
    }

    public async Task<SpendTotals> TotalsAsync(
        string platform, string tenant, string requesterId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var rows = await Read($"""
            SELECT COALESCE(SUM(nano_usd), 0),
                   COALESCE(SUM(CASE WHEN kind = '{SpendEntry.Job}' THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN requester_id = @requester THEN nano_usd ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN kind = '{SpendEntry.Job}' AND requester_id = @requester THEN 1 ELSE 0 END), 0)
            FROM spend_ledger WHERE platform = @platform AND tenant = @tenant AND billed_at >= @from AND billed_at < @to
            """, cancellationToken,
            [("@platform", platform), ("@tenant", tenant), ("@requester", requesterId), ("@from", JobRows.Millis(since)), ("@to", JobRows.Millis(until))]);
        var r = rows[0];
        return new SpendTotals(r[0] / NanosPerUsd, (int)r[1], r[2] / NanosPerUsd, (int)r[3]);
    }

    public async Task<decimal?> ModelUsdPerMinuteAsync(string platform, string? tenant, int jobs, CancellationToken cancellationToken)
    {
        var own = tenant is null ? "" : "AND tenant = @tenant";
        var rows = await Read($"""
            SELECT COALESCE(SUM(m.nanos), 0), COALESCE(SUM(d.minutes), 0) FROM
              (SELECT job_id, minutes FROM spend_ledger
               WHERE kind = '{SpendEntry.Deepgram}' AND minutes > 0 AND platform = @platform {own}
                 AND job_id IN (SELECT job_id FROM spend_ledger WHERE kind = '{SpendEntry.ModelCall}')
               ORDER BY billed_at DESC LIMIT @jobs) d
            JOIN (SELECT job_id, SUM(nano_usd) AS nanos FROM spend_ledger WHERE kind = '{SpendEntry.ModelCall}' GROUP BY job_id) m
              ON m.job_id = d.job_id
            """, cancellationToken,
            tenant is null ? [("@platform", platform), ("@jobs", jobs)] : [("@platform", platform), ("@tenant", tenant), ("@jobs", jobs)]);
        var (nanos, minutes) = (rows[0][0], rows[0][1]);
        return minutes > 0 ? nanos / NanosPerUsd / minutes : null;
    }

    public async Task<(int Calls, int Costed)> RecentModelCallsAsync(string model, int calls, CancellationToken cancellationToken)
    {
        var rows = await Read($"""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN nano_usd > 0 THEN 1 ELSE 0 END), 0) FROM
              (SELECT nano_usd FROM spend_ledger WHERE kind = '{SpendEntry.ModelCall}' AND model = @model
               ORDER BY billed_at DESC LIMIT @calls) recent
            """, cancellationToken, [("@model", model), ("@calls", calls)]);
        return ((int)rows[0][0], (int)rows[0][1]);
    }

    // The job that claimed it before (an attempt killed after the claim) still has it on resume.
    public async Task<bool> ClaimNoticeAsync(string platform, string tenant, string month, string jobId, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters = [("@platform", platform), ("@tenant", tenant), ("@month", month), ("@job", jobId)];
        if (await database.NonQueryAsync("""
            INSERT INTO spend_notices (platform, tenant, month_utc, job_id) VALUES (@platform, @tenant, @month, @job)
            ON CONFLICT (platform, tenant, month_utc) DO NOTHING
            """, cancellationToken, parameters) == 1)
        {
            return true;
        }
        var rows = await Read(
            "SELECT COUNT(*) FROM spend_notices WHERE platform = @platform AND tenant = @tenant AND month_utc = @month AND job_id = @job",
            cancellationToken, parameters);
        return rows[0][0] > 0;
    }

    private Task<IReadOnlyList<decimal[]>> Read(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.ListAsync(sql, Numbers, cancellationToken, parameters);

    // Every cell of every row as a number (the reads above select numbers only).
    private static decimal[] Numbers(System.Data.Common.DbDataReader reader)
    {
        var cells = new decimal[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.IsDBNull(i) ? 0 : Convert.ToDecimal(reader.GetValue(i), CultureInfo.InvariantCulture);
        }
        return cells;
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Storage;

// The spend ledger: a call recorded once whatever happens, sums per tenant, member and span, the models' recent
// cost per transcript minute, the 80% notice once per tenant and month; none of it touched by retention.
public abstract partial class JobStoreBehaviour
{
    private ISpendStore Ledger => (ISpendStore)Store;

    private static SpendEntry Row(string job, string call, string tenant, string member, string kind, decimal usd, DateTimeOffset at, double? minutes = null) =>
        new(job, call, "discord", tenant, member, kind, kind == SpendEntry.ModelCall ? "vendor/m" : null, minutes, usd, at);

    [StoreFact]
    public async Task A_call_is_recorded_once_whatever_repeats_it()
    {
        Assert.True(await Ledger.RecordAsync(Row("j1", "deepgram", "A", "u1", SpendEntry.Deepgram, 0.25m, T0, 2), CancellationToken.None));
        Assert.False(await Ledger.RecordAsync(Row("j1", "deepgram", "A", "u1", SpendEntry.Deepgram, 0.25m, T0.AddMinutes(5), 2), CancellationToken.None));
        Assert.True(await Ledger.RecordAsync(Row("j1", "model:p|m", "A", "u1", SpendEntry.ModelCall, 0.000_001_5m, T0), CancellationToken.None));

        var totals = await Ledger.TotalsAsync("discord", "A", "u1", T0.AddDays(-1), T0.AddDays(1), CancellationToken.None);

        Assert.Equal(new SpendTotals(0.250_001_5m, 0, 0.250_001_5m, 0), totals);
    }

    [StoreFact]
    public async Task Totals_count_the_tenants_jobs_and_spend_in_the_span_and_the_members_part()
    {
        await Ledger.RecordAsync(Row("j1", SpendEntry.Job, "A", "u1", SpendEntry.Job, 0, T0), CancellationToken.None);
        await Ledger.RecordAsync(Row("j1", "deepgram", "A", "u1", SpendEntry.Deepgram, 1m, T0), CancellationToken.None);
        await Ledger.RecordAsync(Row("j2", SpendEntry.Job, "A", "u2", SpendEntry.Job, 0, T0.AddHours(1)), CancellationToken.None);
        await Ledger.RecordAsync(Row("j2", "deepgram", "A", "u2", SpendEntry.Deepgram, 2m, T0.AddHours(1)), CancellationToken.None);
        await Ledger.RecordAsync(Row("j3", SpendEntry.Job, "B", "u1", SpendEntry.Job, 0, T0), CancellationToken.None);
        await Ledger.RecordAsync(Row("j4", SpendEntry.Job, "A", "u1", SpendEntry.Job, 0, T0.AddDays(-40)), CancellationToken.None);

        Assert.Equal(new SpendTotals(3m, 2, 1m, 1), await Ledger.TotalsAsync("discord", "A", "u1", T0.AddDays(-1), T0.AddDays(1), CancellationToken.None));
        // [since, until): a row at `until` belongs to the next span.
        Assert.Equal(new SpendTotals(1m, 1, 0m, 0), await Ledger.TotalsAsync("discord", "A", "u2", T0, T0.AddHours(1), CancellationToken.None));
        Assert.Equal(SpendTotals.Zero, await Ledger.TotalsAsync("slack", "A", "u1", T0.AddDays(-1), T0.AddDays(1), CancellationToken.None));
    }

    [StoreFact]
    public async Task The_models_cost_per_minute_comes_from_recent_transcribed_jobs_of_the_tenant_or_everyone()
    {
        Assert.Null(await Ledger.ModelUsdPerMinuteAsync("discord", "A", 20, CancellationToken.None));
        await Ledger.RecordAsync(Row("j1", "deepgram", "A", "u1", SpendEntry.Deepgram, 0.1m, T0, 2), CancellationToken.None);
        await Ledger.RecordAsync(Row("j1", "model:p|a", "A", "u1", SpendEntry.ModelCall, 0.3m, T0), CancellationToken.None);
        await Ledger.RecordAsync(Row("j1", "model:p|b", "A", "u1", SpendEntry.ModelCall, 0.1m, T0), CancellationToken.None);
        await Ledger.RecordAsync(Row("j2", "deepgram", "B", "u1", SpendEntry.Deepgram, 0.1m, T0.AddHours(1), 8), CancellationToken.None);
        await Ledger.RecordAsync(Row("j2", "model:p|a", "B", "u1", SpendEntry.ModelCall, 0.4m, T0.AddHours(1)), CancellationToken.None);
        // Transcribed, no model call yet: not a sample.
        await Ledger.RecordAsync(Row("j3", "deepgram", "A", "u1", SpendEntry.Deepgram, 0.1m, T0.AddHours(2), 50), CancellationToken.None);

        Assert.Equal(0.2m, await Ledger.ModelUsdPerMinuteAsync("discord", "A", 20, CancellationToken.None));
        Assert.Equal(0.08m, await Ledger.ModelUsdPerMinuteAsync("discord", null, 20, CancellationToken.None));
        Assert.Equal(0.05m, await Ledger.ModelUsdPerMinuteAsync("discord", null, 1, CancellationToken.None));
    }

    [StoreFact]
    public async Task A_models_recent_calls_say_whether_any_cost_more_than_nothing()
    {
        Assert.Equal((0, 0), await Ledger.RecentModelCallsAsync("vendor/m", 20, CancellationToken.None));
        await Ledger.RecordAsync(Row("j1", "model:p|m", "A", "u1", SpendEntry.ModelCall, 0.2m, T0), CancellationToken.None);
        await Ledger.RecordAsync(Row("j2", "model:p|m", "B", "u2", SpendEntry.ModelCall, 0m, T0.AddHours(1)), CancellationToken.None);
        await Ledger.RecordAsync(Row("j3", "model:p|m", "A", "u1", SpendEntry.ModelCall, 0m, T0.AddHours(2)), CancellationToken.None);
        // Not a model call: not counted.
        await Ledger.RecordAsync(Row("j3", "deepgram", "A", "u1", SpendEntry.Deepgram, 0.1m, T0.AddHours(3), 2), CancellationToken.None);

        // Every tenant's calls count; only the most recent `calls` of them.
        Assert.Equal((3, 1), await Ledger.RecentModelCallsAsync("vendor/m", 20, CancellationToken.None));
        Assert.Equal((2, 0), await Ledger.RecentModelCallsAsync("vendor/m", 2, CancellationToken.None));
        Assert.Equal((0, 0), await Ledger.RecentModelCallsAsync("vendor/other", 20, CancellationToken.None));
    }

    [StoreFact]
    public async Task The_notice_is_claimed_once_per_tenant_and_month_and_stays_with_its_job()
    {
        Assert.True(await Ledger.ClaimNoticeAsync("discord", "A", "2026-11", "j1", CancellationToken.None));
        Assert.False(await Ledger.ClaimNoticeAsync("discord", "A", "2026-11", "j2", CancellationToken.None));
        Assert.True(await Ledger.ClaimNoticeAsync("discord", "A", "2026-11", "j1", CancellationToken.None));
        Assert.True(await Ledger.ClaimNoticeAsync("discord", "B", "2026-11", "j2", CancellationToken.None));
        Assert.True(await Ledger.ClaimNoticeAsync("discord", "A", "2026-12", "j3", CancellationToken.None));
    }

    [StoreFact]
    public async Task Retention_leaves_the_ledger_alone()
    {
        var job = await Enqueue("A", "k1");
        await Ledger.RecordAsync(Row(job.Id, "deepgram", "A", "u1", SpendEntry.Deepgram, 1.5m, T0, 3), CancellationToken.None);
        await ((IJobClaims)Store).ClaimNextAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None);
        await ((IJobClaims)Store).FinishAsync(job.Id, JobState.Done, null, T0, CancellationToken.None);

        Assert.Equal(1, await Maintenance.DeleteFinishedBeforeAsync(T0.AddDays(30), CancellationToken.None));

        Assert.Equal(1.5m, (await Ledger.TotalsAsync("discord", "A", "u1", T0.AddDays(-1), T0.AddDays(1), CancellationToken.None)).TenantUsd);
    }
}

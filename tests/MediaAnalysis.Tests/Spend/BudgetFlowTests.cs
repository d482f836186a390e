using MediaAnalysis.Jobs;
using MediaAnalysis.Spend;

namespace MediaAnalysis.Tests.Spend;

// A server's monthly budget through the real /discord/interactions endpoint, with signed requests: what a job costs
// is read from the ledger the bot wrote, and the limits are set around it.
[Collection(MediaCollection.Name)]
public sealed class BudgetFlowTests(MediaFiles media) : IAsyncLifetime
{
    private const string Member = "1300000000000000301";
    private SpendFlowHarness _h = null!;

    public async Task InitializeAsync() => _h = await SpendFlowHarness.StartAsync(media);

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    [Fact]
    public async Task A_month_used_up_refuses_at_accept_and_a_job_over_its_estimate_stops_after_the_probe_with_nothing_billed()
    {
        var first = await _h.RunAsync(Member);
        var spent = (await _h.MonthAsync(Member)).TenantUsd;
        Assert.Equal(JobState.Done, first.State);
        Assert.True(spent > 0);

        // Used up: refused at once, privately, saying what is left and when it resets.
        _h.Budget(spent);
        var refusal = await _h.RefusedAsync(Member);
        var now = _h.Time.GetUtcNow();
        Assert.Contains($"used its {UtcPeriods.Usd(spent)} budget", refusal, StringComparison.Ordinal);
        Assert.Contains("$0.00 left", refusal, StringComparison.Ordinal);
        // The server's own budget, under no ceiling of the operator's: its managers can raise it.
        Assert.EndsWith("A server manager can raise it with /settings limits.", refusal, StringComparison.Ordinal);
        Assert.Contains($"resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))}", refusal, StringComparison.Ordinal);

        // A quarter of a job left: accepted, then stopped once probed, before Deepgram or any model is paid.
        var budget = spent + (spent / 4);
        _h.Budget(budget);
        var stopped = await _h.RunAsync(Member);
        Assert.Equal(JobState.Failed, stopped.State);
        Assert.Contains("would cost about", stopped.Note, StringComparison.Ordinal);
        Assert.Contains($"more than the {UtcPeriods.Usd(budget - spent)} left of this server's {UtcPeriods.Usd(budget)} budget", stopped.Note, StringComparison.Ordinal);
        Assert.Single(_h.Outside.Deepgram.Requests);
        Assert.Equal(6, _h.Outside.OpenRouter.Requests.Count);
        var month = await _h.MonthAsync(Member);
        Assert.Equal((spent, 2, 2), (month.TenantUsd, month.TenantJobs, month.MemberJobs));

        // /usage: the server's and the asker's month, the budget left and the reset, privately.
        var usage = await _h.UsageAsync(Member);
        Assert.Contains($"This server: {UtcPeriods.Usd(spent)} spent, 2 videos.", usage, StringComparison.Ordinal);
        Assert.Contains($"You: {UtcPeriods.Usd(spent)} spent, 2 videos.", usage, StringComparison.Ordinal);
        Assert.Contains($"Budget: {UtcPeriods.Usd(budget - spent)} left of {UtcPeriods.Usd(budget)}.", usage, StringComparison.Ordinal);
        Assert.Contains($"resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))}", usage, StringComparison.Ordinal);
        var other = await _h.UsageAsync("1300000000000000399");
        Assert.Contains("You: $0.00 spent, 0 videos.", other, StringComparison.Ordinal);

        // /metrics: spend by kind, never by tenant.
        var metrics = await _h.D.Http.GetStringAsync("/metrics");
        var spendLines = metrics.Split('\n').Where(l => l.StartsWith("mediaanalysis_spend", StringComparison.Ordinal)).ToList();
        Assert.Contains(spendLines, l => l.Contains("kind=\"deepgram\"", StringComparison.Ordinal));
        Assert.Contains(spendLines, l => l.Contains("kind=\"model\"", StringComparison.Ordinal));
        Assert.Contains(spendLines, l => l.Contains("reason=\"budget\"", StringComparison.Ordinal));
        Assert.Contains(spendLines, l => l.Contains("reason=\"estimate\"", StringComparison.Ordinal));
        Assert.DoesNotContain(spendLines, l => l.Contains(_h.Guild, StringComparison.Ordinal) || l.Contains(Member, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_delivery_again_finds_its_job_even_once_the_budget_is_used_up()
    {
        var interaction = _h.D.SlashCommand("standup.mp4");
        interaction["member"]!["user"]!["id"] = Member;
        await _h.D.InteractAsync(interaction);
        var job = await _h.D.WaitForJobAsync(interaction["id"]!.GetValue<string>());
        _h.Budget((await _h.MonthAsync(Member)).TenantUsd);

        // Discord delivers the same interaction again: its job's status with the answers it has, not a refusal.
        var again = await _h.D.InteractAsync(interaction);
        Assert.Equal(4, again["type"]!.GetValue<int>());
        Assert.Null(again["data"]!["flags"]);
        var content = again["data"]!["content"]!.GetValue<string>();
        Assert.Contains("**standup.mp4**", content, StringComparison.Ordinal);
        Assert.Contains("6 of 6 answered", content, StringComparison.Ordinal);
        Assert.Equal(job.Id, (await _h.D.Store.FindByKeyAsync($"discord:{interaction["id"]}", CancellationToken.None))!.Id);
        // A new request is refused: the budget is in force.
        Assert.Contains("budget", await _h.RefusedAsync(Member), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_that_crosses_80_percent_says_so_once_a_month_and_a_new_month_starts_afresh()
    {
        var start = _h.Time.GetUtcNow();
        // Not within a few minutes of a month's end, so the four jobs fall in one month.
        _h.Time.MoveTo(UtcPeriods.MonthStart(start).AddDays(10));
        var first = await _h.RunAsync(Member);
        var one = (await _h.MonthAsync()).TenantUsd;
        Assert.Null(first.Note);

        _h.Budget(one * 2.2m);
        var crossing = await _h.RunAsync(Member);
        Assert.Equal(JobState.Done, crossing.State);
        // Said at the call that crossed 80% (which call that is depends on the order the answers arrive in).
        var used = System.Text.RegularExpressions.Regex.Match(crossing.Note!, @"This server has now used (\d+)%");
        Assert.InRange(int.Parse(used.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 80, 100);
        Assert.Contains($"of its {UtcPeriods.Usd(one * 2.2m)} budget for {UtcPeriods.MonthName(_h.Time.GetUtcNow())}", crossing.Note, StringComparison.Ordinal);
        // The status message in the channel says it too.
        Assert.Contains(_h.D.Discord.Messages, m => m.Content?.Contains("This server has now used", StringComparison.Ordinal) == true
            || m.Embeds.Any(e => e.GetRawText().Contains("This server has now used", StringComparison.Ordinal)));

        // Over 80% again, the same month: said once only.
        _h.Budget(one * 3.3m);
        var again = await _h.RunAsync(Member);
        Assert.Equal((JobState.Done, null), (again.State, again.Note));

        // The month used up; the next month it is not.
        var total = (await _h.MonthAsync()).TenantUsd;
        _h.Budget(total);
        await _h.RefusedAsync(Member);
        _h.Time.MoveTo(UtcPeriods.NextMonth(_h.Time.GetUtcNow()).AddHours(1));
        Assert.Equal(0m, (await _h.MonthAsync()).TenantUsd);
        _h.Budget(one * 1.1m);
        var nextMonth = await _h.RunAsync(Member);
        Assert.Equal(JobState.Done, nextMonth.State);
        Assert.Contains("This server has now used", nextMonth.Note, StringComparison.Ordinal);
        Assert.Contains(UtcPeriods.MonthName(_h.Time.GetUtcNow()), nextMonth.Note, StringComparison.Ordinal);
        Assert.Equal(total, (await _h.Ledger.TotalsAsync("discord", _h.Guild, "", UtcPeriods.MonthStart(start), UtcPeriods.NextMonth(start),
            CancellationToken.None)).TenantUsd);
    }
}

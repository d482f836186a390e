using MediaAnalysis.Spend;

namespace MediaAnalysis.Tests.Spend;

// Limits:PerMemberDaily through the real endpoint: every accepted job counts, whatever its end; days are UTC's.
[Collection(MediaCollection.Name)]
public sealed class DailyLimitTests(MediaFiles media) : IAsyncLifetime
{
    private const string Ana = "1300000000000000311";
    private const string Ben = "1300000000000000312";
    private SpendFlowHarness _h = null!;

    public async Task InitializeAsync() =>
        _h = await SpendFlowHarness.StartAsync(media, new() { ["Limits:PerMemberDaily"] = "2" });

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    [Fact]
    public async Task A_member_over_the_daily_limit_is_refused_until_midnight_UTC()
    {
        var today = UtcPeriods.DayStart(_h.Time.GetUtcNow());
        _h.Time.MoveTo(today.AddHours(23).AddMinutes(58));

        // Two jobs of a file that is not there: both accepted, both count whatever their end.
        await AcceptedAsync(Ana);
        await AcceptedAsync(Ana);

        var refusal = await _h.RefusedAsync(Ana);
        Assert.Contains("You have used your 2 analyses for today in this server (0 left).", refusal, StringComparison.Ordinal);
        Assert.Contains("More from 00:00 UTC, in ", refusal, StringComparison.Ordinal);
        // Another member of the server is not held by Ana's count.
        await AcceptedAsync(Ben);

        // Past midnight UTC, a new day.
        _h.Time.MoveTo(today.AddDays(1).AddSeconds(30));
        await AcceptedAsync(Ana);
        Assert.Contains("1 of 2 today", await _h.UsageAsync(Ana), StringComparison.Ordinal);
        Assert.Equal(3, (await _h.Ledger.TotalsAsync("discord", _h.Guild, Ana, today, today.AddDays(2), CancellationToken.None)).MemberJobs);
    }

    [Fact]
    public async Task Requests_of_one_member_at_the_same_instant_take_only_what_is_left()
    {
        _h.Time.MoveTo(UtcPeriods.DayStart(_h.Time.GetUtcNow()).AddHours(12));
        await AcceptedAsync(Ana);

        // Six at once, one left. Any reading of the ledger's count returns to all six together (a count read apart
        // from the accept would let each of them pass); the store counts and accepts in one step, so one passes.
        _h.Meeting.MeetAt(6);
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _h.AnalyzeAsync(Ana, "missing.mp4")));
        _h.Meeting.Disarm();

        var refused = replies.Where(r => r.Reply["data"]!["flags"] is not null).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, r => Assert.Contains("You have used your 2 analyses for today in this server (0 left).",
            r.Reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal));
        var today = UtcPeriods.DayStart(_h.Time.GetUtcNow());
        Assert.Equal(2, (await _h.Ledger.TotalsAsync("discord", _h.Guild, Ana, today, today.AddDays(1), CancellationToken.None)).MemberJobs);
        foreach (var (_, id) in refused)
        {
            Assert.Null(await _h.D.Store.FindByKeyAsync($"discord:{id}", CancellationToken.None));
        }
    }

    private async Task AcceptedAsync(string member)
    {
        var (reply, id) = await _h.AnalyzeAsync(member, "missing.mp4");
        Assert.True(reply["data"]!["flags"] is null, reply.ToJsonString());
        Assert.NotNull(await _h.D.Store.FindByKeyAsync($"discord:{id}", CancellationToken.None));
    }
}

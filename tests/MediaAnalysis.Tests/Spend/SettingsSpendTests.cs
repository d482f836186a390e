using MediaAnalysis.Jobs;
using MediaAnalysis.Spend;
using static MediaAnalysis.Tests.Chat.Discord.DiscordSettingsPayloads;

namespace MediaAnalysis.Tests.Spend;

// `/settings show` through the real endpoint: this month's spend against the budget (the figures /usage shows) and a
// warning naming the server's models the budget cannot see (no usage.cost from the endpoint, no Pricing:Models price).
[Collection(MediaCollection.Name)]
public sealed class SettingsSpendTests(MediaFiles media) : IAsyncLifetime
{
    private const string Member = "1300000000000000411";
    private const string Uncosted = "vendor-a/model-1";
    private const string Listed = "vendor-b/model-2";
    private const string Reported = "vendor-c/model-3";
    private const string AlsoListed = "vendor/listed";
    private SpendFlowHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await SpendFlowHarness.StartAsync(media, new()
        {
            ["Pricing:Models:0:Id"] = Listed,
            ["Pricing:Models:0:PromptUsdPerMillion"] = "1",
            ["Pricing:Models:0:CompletionUsdPerMillion"] = "2",
            ["Pricing:Models:1:Id"] = AlsoListed,
            ["Pricing:Models:1:PromptUsdPerMillion"] = "1",
            ["Pricing:Models:1:CompletionUsdPerMillion"] = "2",
        });
        // The endpoint answers these two without usage.cost; only one of them has a price of the operator's.
        _h.Outside.OpenRouter.CostlessModels[Uncosted] = true;
        _h.Outside.OpenRouter.CostlessModels[Listed] = true;
    }

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    [Fact]
    public async Task Show_gives_the_months_spend_as_usage_does_and_names_the_models_the_budget_cannot_see()
    {
        _h.Budget(10m);
        var now = _h.Time.GetUtcNow();
        var resets = $"resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))} (UTC)";

        var before = await ShowAsync();
        Assert.Equal($"$0.00 of $10.00 spent, $10.00 left · 0 videos · {resets}", before.Fields[$"Spend in {UtcPeriods.MonthName(now)}"]);
        // Never called yet, on an endpoint that is not OpenRouter: nothing says what they cost.
        var warning = before.Fields["⚠️ Unpriced models"];
        Assert.Contains(Uncosted, warning, StringComparison.Ordinal);
        Assert.Contains(Reported, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Listed, warning, StringComparison.Ordinal);
        Assert.Equal("Recent changes", before.Names[^1]);

        Assert.Equal(JobState.Done, (await _h.RunAsync(Member)).State);
        var spent = (await _h.MonthAsync()).TenantUsd;
        Assert.True(spent > 0, $"spent {spent}");

        var after = await ShowAsync();
        Assert.Equal($"{UtcPeriods.Usd(spent)} of $10.00 spent, {UtcPeriods.UsdLeft(10 - spent)} left · 1 video · {resets}",
            after.Fields[$"Spend in {UtcPeriods.MonthName(now)}"]);
        Assert.Contains($"Budget: {UtcPeriods.UsdLeft(10 - spent)} left of $10.00.", await _h.UsageAsync(Member), StringComparison.Ordinal);
        Assert.Contains($"This server: {UtcPeriods.Usd(spent)} spent, 1 video.", await _h.UsageAsync(Member), StringComparison.Ordinal);
        // The endpoint reported the third model's cost; the first's calls came without one and it has no price.
        warning = after.Fields["⚠️ Unpriced models"];
        Assert.StartsWith($"The budget can't see what {Uncosted} costs: ", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Reported, warning, StringComparison.Ordinal);

        // The server's own models are the ones that count: all three seen or priced, no warning.
        var saved = await _h.D.InteractAsync(Command(_h.D, "models",
            Option("model1", 3, Reported), Option("model2", 3, Listed), Option("model3", 3, AlsoListed)));
        Assert.StartsWith("Saved: models:", saved["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var priced = await ShowAsync();
        Assert.DoesNotContain("⚠️ Unpriced models", priced.Names);
        Assert.Equal(0x5865F2, priced.Color);
        Assert.NotEqual(0x5865F2, after.Color);
        if (Environment.GetEnvironmentVariable("MEDIA_ANALYSIS_DUMP") is { Length: > 0 } dump)
        {
            // What a server admin reads, for a look by eye: MEDIA_ANALYSIS_DUMP=/tmp/settings.txt dotnet test --filter …
            await File.AppendAllTextAsync(dump, $"== /settings show (an unpriced model)\n{Dump(after)}\n== /settings show (after /settings models)\n"
                + $"{Dump(priced)}\n== /usage\n{await _h.UsageAsync(Member)}\n\n");
        }
    }

    private static string Dump((Dictionary<string, string> Fields, List<string> Names, int Color) shown) =>
        string.Join("\n", shown.Names.Select(n => $"**{n}**\n{shown.Fields[n]}"));

    [Fact]
    public async Task Without_a_budget_show_says_so_and_still_counts_the_month()
    {
        var now = _h.Time.GetUtcNow();
        var shown = await ShowAsync();

        Assert.Equal($"$0.00 spent (no budget set) · 0 videos · the month's counts reset on {UtcPeriods.Day(UtcPeriods.NextMonth(now))} (UTC)",
            shown.Fields[$"Spend in {UtcPeriods.MonthName(now)}"]);
    }

    [Fact]
    public async Task A_ledger_that_cannot_be_read_is_said_privately_by_usage_and_show_still_lists_the_settings()
    {
        // A real database failure: the ledger is gone under the running app.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={QueueHarness.DatabasePath(_h.Outside)}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE spend_ledger";
            await drop.ExecuteNonQueryAsync();
        }

        Assert.Equal(SpendText.LedgerUnreadable, await _h.UsageAsync(Member));
        var shown = await ShowAsync();
        Assert.Equal(SpendText.LedgerUnreadable, shown.Fields["Spend this month"]);
        Assert.Contains("Models", shown.Names);
        Assert.Equal("Recent changes", shown.Names[^1]);
    }

    private async Task<(Dictionary<string, string> Fields, List<string> Names, int Color)> ShowAsync()
    {
        var reply = await _h.D.InteractAsync(Command(_h.D, "show"));
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        var embed = reply["data"]!["embeds"]![0]!;
        var fields = embed["fields"]!.AsArray().Select(f => (Name: f!["name"]!.GetValue<string>(), Value: f["value"]!.GetValue<string>())).ToList();
        return (fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal), [.. fields.Select(f => f.Name)], embed["color"]!.GetValue<int>());
    }
}

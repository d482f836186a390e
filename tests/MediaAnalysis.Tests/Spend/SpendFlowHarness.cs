using System.Text.Json.Nodes;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;
using MediaAnalysis.Tests.Chat.Discord;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaAnalysis.Tests.Spend;

// The Discord bot with a clock and a server's limits the test moves, and the ledger it reads.
public sealed class SpendFlowHarness : IAsyncDisposable
{
    private SpendFlowHarness(PipelineHarness outside, DiscordFlowHarness discord, ShiftedTime time, TestLimits limits)
    {
        Outside = outside;
        D = discord;
        Time = time;
        Limits = limits;
    }

    public PipelineHarness Outside { get; }

    public DiscordFlowHarness D { get; }

    public ShiftedTime Time { get; }

    public TestLimits Limits { get; }

    public ISpendStore Ledger => D.App.Services.GetRequiredService<ISpendStore>();

    public MeetingLedger Meeting => D.App.Services.GetRequiredService<MeetingLedger>();

    public string Guild => D.Discord.GuildId;

    public static async Task<SpendFlowHarness> StartAsync(MediaFiles media, Dictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(media);
        var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
        var time = new ShiftedTime();
        var limits = new TestLimits();
        var discord = await DiscordFlowHarness.StartAsync(outside, settings, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(time);
            services.RemoveAll<ITenantLimitsSource>();
            services.AddSingleton<ITenantLimitsSource>(limits);
            services.RemoveAll<ISpendStore>();
            services.AddSingleton(sp => new MeetingLedger((ISpendStore)sp.GetRequiredService<IJobStore>()));
            services.AddSingleton<ISpendStore>(sp => sp.GetRequiredService<MeetingLedger>());
        });
        return new SpendFlowHarness(outside, discord, time, limits);
    }

    public void Budget(decimal? usd) => Limits.Limits = new TenantLimits(usd, null, null);

    // /analyze from `member`: the interaction's reply, and the id to find its job by.
    public async Task<(JsonObject Reply, string Id)> AnalyzeAsync(string member, string file = "standup.mp4")
    {
        var interaction = D.SlashCommand(file);
        interaction["member"]!["user"]!["id"] = member;
        // A new upload each time: the same attachment again would be "already being analyzed".
        interaction["data"]!["resolved"]!["attachments"]!.AsObject().Single().Value!["id"] = DiscordFlowHarness.NewId();
        return (await D.InteractAsync(interaction), interaction["id"]!.GetValue<string>());
    }

    public async Task<JobRecord> RunAsync(string member)
    {
        var (_, id) = await AnalyzeAsync(member);
        return await D.WaitForJobAsync(id);
    }

    public async Task<string> UsageAsync(string member)
    {
        var interaction = D.SlashCommand("standup.mp4");
        interaction["member"]!["user"]!["id"] = member;
        interaction["data"] = new JsonObject { ["id"] = "1300000000000000901", ["name"] = "usage", ["type"] = 1 };
        var reply = await D.InteractAsync(interaction);
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        return reply["data"]!["content"]!.GetValue<string>();
    }

    // A refusal: private, and no job made.
    public async Task<string> RefusedAsync(string member)
    {
        var (reply, id) = await AnalyzeAsync(member);
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        Assert.Null(await D.Store.FindByKeyAsync($"discord:{id}", CancellationToken.None));
        return reply["data"]!["content"]!.GetValue<string>();
    }

    public async Task<SpendTotals> MonthAsync(string member = "")
    {
        var now = Time.GetUtcNow();
        return await Ledger.TotalsAsync("discord", Guild, member, UtcPeriods.MonthStart(now), UtcPeriods.NextMonth(now), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await D.DisposeAsync();
        await Outside.DisposeAsync();
    }
}

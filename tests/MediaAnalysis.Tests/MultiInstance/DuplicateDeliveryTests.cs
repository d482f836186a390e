using MediaAnalysis.Jobs;
using MediaAnalysis.Fakes;
using MediaAnalysis.Tests.Chat.Discord;

namespace MediaAnalysis.Tests.MultiInstance;

// Discord retries a delivery, and a load balancer may send each try to a different instance: two instances of
// the bot on one PostgreSQL database get the same signed interaction at once and make one job of it.
[Collection(MediaCollection.Name)]
public sealed class DuplicateDeliveryTests(MediaFiles media) : INeedsPostgres, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private PipelineHarness _outside = null!;

    public async Task InitializeAsync() => _outside = await PipelineHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _outside.DisposeAsync();
        await _database.DropAsync();
    }

    [StoreFact]
    public async Task The_same_interaction_reaching_two_instances_at_once_makes_one_job_and_one_thread()
    {
        _outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
        await using var first = await DiscordFlowHarness.StartAsync(_outside, Settings("web-a"));
        await using var second = await first.StartPeerAsync(Settings("web-b"));
        var interaction = first.SlashCommand("standup.mp4");
        first.Discord.Interaction(interaction["token"]!.GetValue<string>(), interaction["channel_id"]!.GetValue<string>());

        var body = interaction.ToJsonString();
        var replies = await Task.WhenAll(first.PostAsync(body), second.PostAsync(body), first.PostAsync(body), second.PostAsync(body));
        var job = await first.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.All(replies, r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        foreach (var reply in replies)
        {
            reply.Dispose();
        }
        Assert.Equal(JobState.Done, job.State);
        Assert.Single(_outside.Deepgram.Requests);
        var thread = Assert.Single(first.Discord.Threads);
        Assert.Equal(6, first.Discord.MessagesIn(thread.Id).SelectMany(m => m.EmbedTitles).Count(t => t is "Summary" or "Review"));
        Assert.Equal((0, 0), await second.Store.CountsAsync(CancellationToken.None));
    }

    private Dictionary<string, string?> Settings(string instance) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = _database.ConnectionString,
        ["Queue:InstanceId"] = instance,
    };
}

using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Discord;
using MediaAnalysis.Jobs;
using MediaAnalysis.Tests.Chat.Discord;

namespace MediaAnalysis.Tests.Faults;

// Outside services misbehaving while a job runs through the real `serve`: each case counts what the person
// got in the thread. Target: nothing lost (one transcript, six answers), nothing twice.
[Collection(MediaCollection.Name)]
public sealed class OutageTests(MediaFiles media) : IAsyncLifetime
{
    private PipelineHarness _outside = null!;

    public async Task InitializeAsync()
    {
        _outside = await PipelineHarness.StartAsync();
        _outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
    }

    public async Task DisposeAsync() => await _outside.DisposeAsync();

    [Fact]
    public async Task Deepgram_answering_503_for_a_while_is_ridden_out()
    {
        // The outage is 30 s against the default 2 s retry base; the suite runs both at a tenth.
        // FAULTS_FULL_SCALE=1 runs them at full size (bench/README.md, about a minute).
        var full = Environment.GetEnvironmentVariable("FAULTS_FULL_SCALE") == "1";
        var outage = TimeSpan.FromSeconds(full ? 30 : 3);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _outside.Deepgram.Behaviour = _ => clock.Elapsed < outage ? FakeReply.Status(503) : null;
        await using var d = await DiscordFlowHarness.StartAsync(_outside, new() { ["Deepgram:RetryBaseDelay"] = full ? "00:00:02" : "00:00:00.200" });

        var job = await RunAsync(d);

        Assert.Equal(JobState.Done, job.State);
        Assert.True(_outside.Deepgram.Requests.Count >= 2, $"{_outside.Deepgram.Requests.Count} Deepgram requests");
        AssertDeliveredOnce(d);
    }

    [Fact]
    public async Task An_openrouter_429_storm_delays_the_answers_and_loses_none()
    {
        foreach (var model in PipelineHarness.Models)
        {
            for (var i = 0; i < 3; i++)
            {
                _outside.OpenRouter.Enqueue(model, FakeChatReply.Status(429, retryAfterSeconds: 1));
            }
        }
        await using var d = await DiscordFlowHarness.StartAsync(_outside);

        var job = await RunAsync(d);

        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(6 + 9, _outside.OpenRouter.Requests.Count);
        AssertDeliveredOnce(d);
    }

    [Fact]
    public async Task Discord_429s_on_posts_and_edits_delay_the_replies_and_double_none()
    {
        await using var d = await DiscordFlowHarness.StartAsync(_outside);
        for (var i = 0; i < 4; i++)
        {
            d.Discord.Enqueue(FakeDiscordReply.RateLimited(0.3), "POST", "/messages");
        }
        d.Discord.Enqueue(FakeDiscordReply.RateLimited(0.3), "PATCH", "/messages");
        d.Discord.Enqueue(FakeDiscordReply.RateLimited(0.3), "PATCH", "/messages");

        var job = await RunAsync(d);

        Assert.True(job.State == JobState.Done, job.Note);
        // Every 429 was answered, and each of those requests went again.
        Assert.Equal(6, d.Discord.Requests.Count(r => r.Status == 429));
        AssertDeliveredOnce(d);
        Assert.Contains("✅", d.Discord.Message(d.Discord.Threads[0].Id)!.Content); // the status ends right
    }

    [Fact]
    public async Task A_download_trickling_at_1_KB_a_second_is_stopped_and_the_person_told()
    {
        _outside.Files.ServeTrickle("/attachments/slow.mp4", bytesPerSecond: 1024, totalBytes: 10_000_000);
        await using var d = await DiscordFlowHarness.StartAsync(_outside, new() { ["Media:DownloadTimeout"] = "00:00:02" });

        var job = await RunAsync(d, "slow.mp4");

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("took longer than", job.Note, StringComparison.Ordinal);
        Assert.Contains(d.Discord.Requests, r => r.Method == "PATCH" && (r.Body ?? "").Contains("took longer than", StringComparison.Ordinal));
        Assert.Empty(_outside.Deepgram.Requests);
        _outside.AssertNoJobFilesLeft();
    }

    private static async Task<MediaAnalysis.Jobs.JobRecord> RunAsync(DiscordFlowHarness d, string file = "standup.mp4")
    {
        var interaction = d.SlashCommand(file);
        await d.InteractAsync(interaction);
        return await d.WaitForJobAsync(interaction["id"]!.GetValue<string>());
    }

    private static void AssertDeliveredOnce(DiscordFlowHarness d)
    {
        var thread = Assert.Single(d.Discord.Threads);
        var posted = d.Discord.MessagesIn(thread.Id);
        Assert.Equal(1, posted.Count(m => m.Files.Count == 1));
        var titles = posted.SelectMany(m => m.EmbedTitles).ToList();
        Assert.Equal(3, titles.Count(t => t == "Summary"));
        Assert.Equal(3, titles.Count(t => t == "Review"));
        Assert.Empty(d.Discord.Violations);
    }
}

using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Chat.Discord;

// What people rely on (issue 12): a status that outlives the interaction token, the asker told when it is
// done, every answer visible as soon as its call returns, refusals in plain words.
[Collection(MediaCollection.Name)]
public sealed class DiscordDeliveryTests(MediaFiles media) : IAsyncLifetime
{
    private PipelineHarness _outside = null!;
    private DiscordFlowHarness _d = null!;

    public async Task InitializeAsync()
    {
        _outside = await PipelineHarness.StartAsync();
        _outside.Files.ServeFile("/attachments/standup.mp4", media[TestVideoKind.Normal]);
        _d = await DiscordFlowHarness.StartAsync(_outside);
    }

    public async Task DisposeAsync()
    {
        await _d.DisposeAsync();
        await _outside.DisposeAsync();
    }

    [Fact]
    public async Task A_job_queued_past_its_interaction_token_still_edits_its_status_and_makes_its_thread()
    {
        var release = new TaskCompletionSource();
        _outside.Files.ServePausing("/attachments/long.mp4", media[TestVideoKind.Normal], new FileInfo(media[TestVideoKind.Normal]).Length / 2, release.Task);
        var first = _d.SlashCommand("long.mp4");
        var waiting = _d.SlashCommand("standup.mp4");
        waiting["member"]!["user"]!["id"] = "1300000000000000777"; // someone else (the same asker and attachment would be one job)
        var token = waiting["token"]!.GetValue<string>();

        await _d.InteractAsync(first);
        await _d.InteractAsync(waiting);
        await Task.Delay(TimeSpan.FromSeconds(3));
        _d.Discord.ExpireToken(token); // from here its webhook answers 401 / 50027, as after 15 minutes
        release.SetResult();
        var job = await _d.WaitForJobAsync(waiting["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        var statusId = DiscordJobState.Parse(job.PlatformState).StatusMessageId;
        Assert.NotNull(statusId);
        Assert.Contains(_d.Discord.Requests, r => r.Method == "PATCH" && r.Path.EndsWith($"/messages/{statusId}", StringComparison.Ordinal)
            && r.Header("Authorization") == $"Bot {_d.Discord.BotToken}");
        Assert.Contains("✅", _d.Discord.Message(statusId)!.Content);
        var thread = _d.Discord.Channel(statusId); // the thread starts from the status message
        Assert.NotNull(thread);
        Assert.Equal(6, _d.Discord.MessagesIn(thread.Id).SelectMany(m => m.EmbedTitles).Count(t => t is "Summary" or "Review"));
        Assert.DoesNotContain(_d.Discord.Requests, r => r.Method == "POST" && r.Path.Contains(token, StringComparison.Ordinal));
    }
}

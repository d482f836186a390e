using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Chat.Discord;

// What people rely on (issue 12): a status that outlives the interaction token, the asker told when it is
// done, every answer visible as soon as its call returns, refusals in plain words.
[Collection(MediaCollection.Name)]
public sealed class DiscordDeliveryTests(MediaFiles media) : DiscordFlowTest(media)
{
    [Fact]
    public async Task A_job_queued_past_its_interaction_token_still_edits_its_status_and_makes_its_thread()
    {
        var release = new TaskCompletionSource();
        _outside.Files.ServePausing("/attachments/long.mp4", Media[TestVideoKind.Normal], new FileInfo(Media[TestVideoKind.Normal]).Length / 2, release.Task);
        var first = _d.SlashCommand("long.mp4");
        var waiting = _d.SlashCommand("standup.mp4");
        waiting["member"]!["user"]!["id"] = "1300000000000000777"; // someone else (the same asker and attachment would be one job)
        var token = waiting["token"]!.GetValue<string>();

        await _d.InteractAsync(first);
        await _d.InteractAsync(waiting);
        await WaitForStatusIdAsync(waiting["id"]!.GetValue<string>()); // learned while it waits in line
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

    [Fact]
    public async Task A_job_that_starts_at_once_gets_its_status_id_from_its_own_edits_and_no_extra_read()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        var token = interaction["token"]!.GetValue<string>();

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());
        await Task.Delay(DiscordStatusMessages.FirstTry + TimeSpan.FromSeconds(1)); // past the learner's first look

        Assert.Equal(JobState.Done, job.State);
        Assert.NotNull(DiscordJobState.Parse(job.PlatformState).StatusMessageId);
        Assert.DoesNotContain(_d.Discord.Requests, r => r.Method == "GET" && r.Path.Contains($"/{token}/messages/@original", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_asker_is_added_to_the_thread_and_mentioned_once_when_the_job_ends()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        var asker = interaction["member"]!["user"]!["id"]!.GetValue<string>();

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());
        var thread = Assert.Single(_d.Discord.Threads);
        await WaitForAsync(() => _d.Discord.MessagesIn(thread.Id).Any(m => m.Content?.Contains("your analysis", StringComparison.Ordinal) == true));
        // Asked again (a restart that ends the job a second time): the state says it was said.
        var stored = (await _d.Store.GetAsync(job.Id, CancellationToken.None))!;
        await _d.App.Services.GetRequiredService<DiscordReplier>().NotifyEndAsync(MediaAnalysis.Queue.ReplyContexts.ReplyContextFor(_d.Store, stored),
            new JobStatus { JobId = job.Id, SourceName = job.SourceName, RequesterId = asker, State = JobState.Done }, CancellationToken.None);

        var closing = Assert.Single(_d.Discord.MessagesIn(thread.Id), m => m.Content?.Contains("your analysis", StringComparison.Ordinal) == true);
        Assert.Equal($"<@{asker}> your analysis of **standup.mp4** is done: 6 of 6 answered.", closing.Content);
        Assert.Equal([asker], _d.Discord.ThreadMemberAdds(thread.Id));
        var sent = _d.Discord.Requests.Single(r => r.Method == "POST" && r.Body?.Contains("your analysis", StringComparison.Ordinal) == true);
        var mentions = sent.Payload!.Value.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(asker, Assert.Single(mentions.GetProperty("users").EnumerateArray()).GetString());
        Assert.Empty(_d.Discord.Violations);
        if (Environment.GetEnvironmentVariable("MEDIA_ANALYSIS_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllLinesAsync(dump, _d.Discord.Messages.Select(m =>
                $"[{m.ChannelId}] {m.Content}\n  embeds: {string.Join(" | ", m.Embeds.Select(e => e.GetRawText()))}\n  buttons: {string.Join(" | ", m.ButtonLabels)}"));
        }
    }

    [Fact]
    public async Task An_answer_posted_again_after_a_lost_posted_mark_is_not_posted_twice()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());
        var thread = Assert.Single(_d.Discord.Threads);
        var before = _d.Discord.MessagesIn(thread.Id).Count;

        // What a restart does when it was killed between posting an answer and marking it posted.
        var stored = (await _d.Store.GetAsync(job.Id, CancellationToken.None))!;
        var answer = (await _d.Store.GetAnswersAsync(job.Id, CancellationToken.None))[0].Outcome;
        await _d.App.Services.GetRequiredService<DiscordReplier>().PostAnswerAsync(
            MediaAnalysis.Queue.ReplyContexts.ReplyContextFor(_d.Store, stored), answer, CancellationToken.None);

        Assert.Equal(before, _d.Discord.MessagesIn(thread.Id).Count);
        Assert.Equal(6, _d.Discord.MessagesIn(thread.Id).SelectMany(m => m.EmbedTitles).Count(t => t is "Summary" or "Review"));
        Assert.Empty(_d.Discord.Violations);
    }

    [Theory]
    [InlineData(403, 50013, "Missing Permissions")]
    [InlineData(403, 50001, "Missing Access")]
    [InlineData(403, 160005, "thread is locked")]
    [InlineData(400, 50083, "thread is archived")]
    [InlineData(400, 200000, "AutoMod")]
    [InlineData(404, 10003, "no longer exists")]
    public async Task A_refused_post_ends_the_job_with_a_plain_sentence(int status, int code, string says)
    {
        _d.Discord.Enqueue(MediaAnalysis.Fakes.Discord.FakeDiscordReply.Error(status, code, "refused"), "POST", "/messages$");
        var interaction = _d.SlashCommand("standup.mp4");

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains(says, job.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", job.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_names_a_short_reference_the_operator_finds_in_the_log()
    {
        _d.Discord.Enqueue(MediaAnalysis.Fakes.Discord.FakeDiscordReply.Error(400, 50035, "Invalid Form Body"), "POST", "/messages$");
        var interaction = _d.SlashCommand("standup.mp4");

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains($"reference {job.Id[..8]}", job.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "1024", null, "Send Messages, Embed Links and Attach Files")]
    [InlineData(11, "1024", null, "Send Messages in Threads")]
    [InlineData(11, "309237763072", "locked", "thread is locked")]
    [InlineData(11, "309237763072", "archived", "thread is archived")]
    public async Task Where_the_answers_cannot_go_the_asker_is_told_at_once_and_no_job_is_made(int channelType, string permissions, string? thread, string says)
    {
        var interaction = _d.SlashCommand("standup.mp4");
        interaction["app_permissions"] = permissions;
        interaction["channel"]!["type"] = channelType;
        if (thread is not null)
        {
            interaction["channel"]!["thread_metadata"] = new System.Text.Json.Nodes.JsonObject { ["locked"] = thread == "locked", ["archived"] = thread == "archived" };
        }

        var reply = await _d.InteractAsync(interaction);

        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        Assert.Contains(says, reply["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await _d.Store.CountsAsync(CancellationToken.None));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private async Task WaitForStatusIdAsync(string interactionId)
    {
        var deadline = DateTime.UtcNow + DiscordStatusMessages.FirstTry + TimeSpan.FromSeconds(20);
        while (await _d.Store.FindByKeyAsync($"discord:{interactionId}", CancellationToken.None) is not { } job
            || DiscordJobState.Parse(job.PlatformState).StatusMessageId is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the status message id was not learned");
            await Task.Delay(100);
        }
    }
}

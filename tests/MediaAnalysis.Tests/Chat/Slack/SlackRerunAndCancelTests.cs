using System.Text.Json.Nodes;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Chat.Slack;

// Asking again for a video whose job has ended starts a new job; while one runs, asking again points to it; a
// Slack retry never makes a second. Cancel is for the workspace's own jobs, by the requester or an admin, and asks first.
[Collection(MediaCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class SlackRerunAndCancelTests(MediaFiles media) : IAsyncLifetime
{
    private const string Channel = SlackFlowHarness.Channel;
    private const string Person = SlackFlowHarness.Person;
    private SlackFlowHarness _h = null!;

    private FakeSlackApi Slack => _h.Slack;

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_video_whose_job_ended_can_be_analyzed_again_but_a_retry_makes_nothing_new()
    {
        var ts = Slack.PostUserMessage(Channel, Person, $"<@{Slack.BotUserId}> analyze", _h.Video);
        using (await _h.PostAsync("/slack/events", _h.Event("Ev01", "app_mention", ts))) { }
        var first = Assert.Single(await _h.WaitForJobsAsync(ts));

        // Slack retries the event after the job ended: still one job.
        using (await _h.PostAsync("/slack/events", _h.Event("Ev01", "app_mention", ts), retry: 2)) { }
        await Task.Delay(300);
        Assert.Single(await _h.JobsForAsync(ts));

        // The person asks again with the shortcut: a second job, not "already being analyzed".
        await _h.InteractAsync(_h.Shortcut(ts));
        var jobs = await _h.WaitForJobsAsync(ts, count: 2);

        Assert.Equal(JobState.Done, first.State);
        Assert.Equal(2, jobs.Count);
        Assert.Equal(JobState.Done, jobs[1].State);
        Assert.Equal(2, _h.Outside.Deepgram.Requests.Count);
        Assert.DoesNotContain(Slack.Messages, m => m.EphemeralFor is not null && m.Text!.Contains("already", StringComparison.Ordinal));
        Assert.Equal(2, Slack.FilesIn(Channel, ts).Count);
    }

    [Fact]
    public async Task Asking_again_while_the_job_runs_points_to_its_status()
    {
        _h.Outside.Deepgram.Latency = TimeSpan.FromSeconds(2);
        var ts = Slack.PostUserMessage(Channel, Person, "video", _h.Video);
        await _h.InteractAsync(_h.Shortcut(ts));
        await _h.WaitForFirstJobAsync(ts);
        await Task.Delay(500); // the status message is posted

        await _h.InteractAsync(_h.Shortcut(ts));
        var jobs = await _h.WaitForJobsAsync(ts);
        var note = await SlackFlowHarness.EventuallyAsync(
            () => Slack.Messages.FirstOrDefault(m => m.EphemeralFor == Person), m => m is not null);

        Assert.Single(jobs);
        Assert.Contains("already being analyzed", note!.Text, StringComparison.Ordinal);
        Assert.Contains($"https://{Slack.TeamDomain}.slack.com/archives/{Channel}/p", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_from_another_workspace_is_refused_and_an_admin_may_cancel()
    {
        _h.Outside.Deepgram.Latency = TimeSpan.FromSeconds(20); // cancelling ends the wait
        Slack.MakeAdmin("U0ADMIN001");
        var ts = Slack.PostUserMessage(Channel, Person, "long one", _h.Video);
        await _h.InteractAsync(_h.Shortcut(ts));
        var job = await _h.WaitForFirstJobAsync(ts);

        await _h.InteractAsync(_h.CancelClick(job.Id, Person, ts, team: "T0OTHERTEAM"));
        await Task.Delay(300);
        var still = await _h.Store.GetAsync(job.Id, CancellationToken.None);
        await _h.InteractAsync(_h.CancelClick(job.Id, "U0ADMIN001", ts));
        var ended = Assert.Single(await _h.WaitForJobsAsync(ts));

        Assert.Contains(still!.State, new[] { JobState.Queued, JobState.Running });
        Assert.Null(still.CancelRequestedBy);
        Assert.Contains(Slack.Messages, m => m.EphemeralFor == Person && m.Text == "That job is no longer known." && m.ThreadTs == ts);
        Assert.Equal(JobState.Cancelled, ended.State);
        Assert.Equal("Cancelled by <@U0ADMIN001>.", ended.Note);
    }

    [Fact]
    public async Task The_cancel_button_asks_for_confirmation()
    {
        _h.Outside.Deepgram.Latency = TimeSpan.FromSeconds(2);
        var ts = Slack.PostUserMessage(Channel, Person, "video", _h.Video);
        await _h.InteractAsync(_h.Shortcut(ts));

        var status = await SlackFlowHarness.EventuallyAsync(() => Slack.MessagesIn(Channel, ts) is [var m, ..] ? m : null, m => m is not null && m.HasButton("cancel_job"));
        var button = status!.BlockList.Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0];
        await _h.WaitForJobsAsync(ts);

        Assert.True(button.TryGetProperty("confirm", out var confirm));
        Assert.Equal("plain_text", confirm.GetProperty("title").GetProperty("type").GetString());
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task A_link_button_click_is_acknowledged()
    {
        var click = _h.BlockAction(new JsonObject { ["type"] = "button", ["action_id"] = "open_thread", ["url"] = "https://example.com/x" }, Person, "1712345678.000100");
        click["actions"]![0]!.AsObject().Remove("value");

        using var response = await _h.PostAsync("/slack/interactivity", click.ToJsonString(), form: true);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 0), await _h.Store.CountsAsync(CancellationToken.None));
    }
}

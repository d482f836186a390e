using MediaAnalysis.Chat.Slack.Rendering;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using static MediaAnalysis.Tests.Chat.Slack.SlackFlowHarness;

namespace MediaAnalysis.Tests.Chat.Slack;

// Delete on a finished job's status, through signed block_actions: Slack confirms before it sends the click; a
// stranger or another workspace is refused privately; the asker or a workspace admin deletes the transcript, answers
// and page at once; a double click deletes once; the status then says who deleted it, and the page answers 404.
[Collection(MediaCollection.Name)]
public sealed class SlackDeleteTests(MediaFiles media) : IAsyncLifetime
{
    private SlackFlowHarness _h = null!;

    private FakeSlackApi Slack => _h.Slack;

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media, new() { ["Web:PublicBaseUrl"] = "https://ma.example" });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task The_asker_deletes_once_a_stranger_is_refused_and_an_admin_may_delete()
    {
        var (ts, job) = await FinishedJobAsync("EvD1");
        var status = await FinalStatusAsync(ts);
        Assert.NotNull(Assert.Single(status.BlockList, b => b.GetProperty("type").GetString() == "actions")
            .GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("action_id").GetString() == SlackStatusButtons.DeleteActionId)
            .GetProperty("confirm").GetProperty("title").GetProperty("text").GetString());

        await _h.InteractAsync(_h.DeleteClick(job.Id, "U0STRANGER", ts));
        await _h.InteractAsync(_h.DeleteClick(job.Id, Person, ts, team: "T0OTHERTEAM"));
        await SaidAsync("U0STRANGER", $"Only <@{Person}>, who asked for it, or a workspace admin can delete these results.");
        await SaidAsync(Person, "That job is no longer known.");
        Assert.NotNull(await _h.Store.GetAsync(job.Id, CancellationToken.None));

        // A double click: one delete; the other click is told, privately, that it found nothing left to delete.
        await Task.WhenAll(_h.InteractAsync(_h.DeleteClick(job.Id, Person, ts)), _h.InteractAsync(_h.DeleteClick(job.Id, Person, ts)));
        Assert.Null(await _h.Store.GetAsync(job.Id, CancellationToken.None));
        Assert.Empty(await _h.Store.GetAnswersAsync(job.Id, CancellationToken.None));
        await PageGone.AssertAsync(_h.Http, job.PageToken!);
        var deleted = await DeletedStatusAsync(ts, Person);
        Assert.False(deleted.HasButton(SlackStatusButtons.DeleteActionId));
        Assert.Null(deleted.ButtonUrl(SlackStatusButtons.PageActionId));
        var second = await EventuallyAsync(() => Slack.Messages.Where(m => m.EphemeralFor == Person && m.Text is "Those results were deleted already." or "That job is no longer known.").ToList(),
            l => l.Count >= 2);
        Assert.Equal(2, second.Count); // the other workspace's refusal and the second click's note

        // A workspace admin may delete someone else's results.
        Slack.MakeAdmin("U0ADMIN001");
        var (again, other) = await FinishedJobAsync("EvD2");
        await FinalStatusAsync(again);
        await _h.InteractAsync(_h.DeleteClick(other.Id, "U0ADMIN001", again));
        Assert.Null(await _h.Store.GetAsync(other.Id, CancellationToken.None));
        await PageGone.AssertAsync(_h.Http, other.PageToken!);
        await DeletedStatusAsync(again, "U0ADMIN001");
        Assert.Empty(Slack.Violations);
    }

    private async Task<(string Ts, JobRecord Job)> FinishedJobAsync(string eventId)
    {
        var ts = Slack.PostUserMessage(Channel, Person, $"<@{Slack.BotUserId}> analyze", _h.Video);
        using (await _h.PostAsync("/slack/events", _h.Event(eventId, "app_mention", ts))) { }
        var job = Assert.Single(await _h.WaitForJobsAsync(ts));
        Assert.Equal(JobState.Done, job.State);
        return (ts, (await _h.Store.GetAsync(job.Id, CancellationToken.None))!);
    }

    private async Task<FakeSlackMessage> FinalStatusAsync(string ts) => (await EventuallyAsync(
        () => Slack.MessagesIn(Channel, ts).FirstOrDefault(m => m.HasButton(SlackStatusButtons.DeleteActionId)), m => m is not null, seconds: 30))!;

    private async Task<FakeSlackMessage> DeletedStatusAsync(string ts, string by) => (await EventuallyAsync(
        () => Slack.MessagesIn(Channel, ts).FirstOrDefault(m => m.TextsOf("section").Any(t => t.Contains($"Deleted by <@{by}>", StringComparison.Ordinal))),
        m => m is not null, seconds: 30))!;

    private async Task SaidAsync(string user, string text) =>
        Assert.NotNull(await EventuallyAsync(() => Slack.Messages.FirstOrDefault(m => m.EphemeralFor == user && m.Text == text), m => m is not null));
}

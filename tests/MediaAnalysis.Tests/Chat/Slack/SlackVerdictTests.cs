using MediaAnalysis.Chat.Slack.Rendering;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Chat.Slack;

// The panel verdict on Slack, from a signed mention: one threaded reply with blocks after the six answers.
[Collection(MediaCollection.Name)]
public sealed class SlackVerdictTests(MediaFiles media) : IAsyncLifetime
{
    private SlackFlowHarness _h = null!;

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media, new() { ["Analysis:Verdict:Enabled"] = "true", ["Web:PublicBaseUrl"] = PageBase });

    // Results pages on (this host shares the verdict's): every status render carries the "Side by side" link.
    private const string PageBase = "https://ma.example";

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task The_verdict_follows_the_answers_in_the_thread_as_blocks_with_its_cost()
    {
        var ts = _h.Slack.PostUserMessage(SlackFlowHarness.Channel, SlackFlowHarness.Person, $"<@{_h.Slack.BotUserId}> analyze", _h.Video);
        using (await _h.PostAsync("/slack/events", _h.Event("EvV1", "app_mention", ts))) { }
        var job = Assert.Single(await _h.WaitForJobsAsync(ts));

        // Posts to one channel are paced at one a second: the verdict comes a few seconds after the job's row ends.
        var thread = await SlackFlowHarness.EventuallyAsync(() => _h.Slack.MessagesIn(SlackFlowHarness.Channel, ts),
            t => t.Any(m => m.TextsOf("header").Contains(SlackVerdictRenderer.VerdictHeader)), seconds: 30);
        var verdict = Assert.Single(thread, m => m.TextsOf("header").Contains(SlackVerdictRenderer.VerdictHeader));
        var answers = thread.Where(m => m.TextsOf("header").Any(h => h.StartsWith("Summary", StringComparison.Ordinal) || h.StartsWith("Review", StringComparison.Ordinal))).ToList();
        Assert.Equal(6, answers.Count);
        Assert.True(string.CompareOrdinal(verdict.Ts, answers.Max(a => a.Ts)) > 0, "the verdict came before an answer");
        var sections = string.Join("\n", verdict.TextsOf("section"));
        Assert.Contains("*Where they agree*", sections, StringComparison.Ordinal);
        Assert.Contains("*Where they differ*", sections, StringComparison.Ordinal);
        Assert.Contains("$", string.Join("\n", verdict.TextsOf("context")), StringComparison.Ordinal);
        Assert.True(Assert.Single(await _h.Store.GetAnswersAsync(job.Id, CancellationToken.None), a => PanelVerdict.Is(a.Outcome)).Posted);
        Assert.Empty(_h.Slack.Violations);
    }

    [Fact]
    public async Task The_final_status_made_by_the_worker_carries_the_side_by_side_link()
    {
        var ts = _h.Slack.PostUserMessage(SlackFlowHarness.Channel, SlackFlowHarness.Person, $"<@{_h.Slack.BotUserId}> analyze", _h.Video);
        using (await _h.PostAsync("/slack/events", _h.Event("EvP1", "app_mention", ts))) { }
        var job = Assert.Single(await _h.WaitForJobsAsync(ts));

        var token = (await _h.Store.GetAsync(job.Id, CancellationToken.None))!.PageToken;
        Assert.True(PageToken.IsWellFormed(token));
        // The worker's last edit (made from the job's row, not from the enqueue's status): the link, no Cancel.
        var status = await SlackFlowHarness.EventuallyAsync(
            () => _h.Slack.MessagesIn(SlackFlowHarness.Channel, ts).FirstOrDefault(m => m.ButtonUrl(SlackStatusButtons.PageActionId) is not null),
            m => m is not null && !m.HasButton(SlackRenderer.CancelActionId) && m.Version > 1, seconds: 30);
        Assert.Equal($"{PageBase}/r/{token}", status!.ButtonUrl(SlackStatusButtons.PageActionId));
        Assert.Contains(SlackStatusButtons.PageButton, status.TextsOf("actions"));
        Assert.Empty(_h.Slack.Violations);
    }
}

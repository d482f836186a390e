using System.Text.Json.Nodes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;
using MediaAnalysis.Tests.Chat.Slack;

namespace MediaAnalysis.Tests.Spend;

// `/analyze usage` and the operator's Limits:MonthlyBudgetUsd in Slack, through the real /slack/commands with signed requests.
[Collection(MediaCollection.Name)]
public sealed class SlackUsageTests(MediaFiles media) : IAsyncLifetime
{
    private SlackFlowHarness _h = null!;

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media, new()
    {
        ["Limits:MonthlyBudgetUsd"] = "0.0001",
        // Transcription free here: the first job's estimate fits, its six model calls use the month up.
        ["Pricing:DeepgramUsdPerMinute"] = "0",
    });

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    [Fact]
    public async Task Usage_is_private_and_a_month_used_up_refuses_the_next_video_with_when_it_resets()
    {
        var before = await CommandAsync("usage");
        Assert.Contains("This workspace: $0.00 spent, 0 videos.", before, StringComparison.Ordinal);
        Assert.Contains("Budget: $0.0001 left of $0.0001.", before, StringComparison.Ordinal);

        var ts = _h.Slack.PostUserMessage(SlackFlowHarness.Channel, SlackFlowHarness.Person, "standup", _h.Video);
        await CommandAsync("");
        var job = Assert.Single(await _h.WaitForJobsAsync(ts));
        Assert.Equal(JobState.Done, job.State);
        var now = DateTimeOffset.UtcNow;
        var spent = (await _h.App.Services.GetRequiredService<ISpendStore>().TotalsAsync("slack", _h.Slack.TeamId, SlackFlowHarness.Person,
            UtcPeriods.MonthStart(now), UtcPeriods.NextMonth(now), CancellationToken.None)).TenantUsd;
        Assert.True(spent > 0.0001m, $"spent {spent}");

        var after = await CommandAsync("usage");
        Assert.Contains($"This workspace: {UtcPeriods.Usd(spent)} spent, 1 video.", after, StringComparison.Ordinal);
        Assert.Contains($"You: {UtcPeriods.Usd(spent)} spent, 1 video.", after, StringComparison.Ordinal);
        Assert.Contains("Budget: $0.00 left of $0.0001.", after, StringComparison.Ordinal);
        Assert.Contains($"It resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))} (UTC).", after, StringComparison.Ordinal);

        var again = _h.Slack.PostUserMessage(SlackFlowHarness.Channel, SlackFlowHarness.Person, "standup again", _h.Video);
        var refusal = await CommandAsync("");
        Assert.Contains("This workspace has used its $0.0001 budget", refusal, StringComparison.Ordinal);
        Assert.Contains($"resets on {UtcPeriods.Day(UtcPeriods.NextMonth(now))}", refusal, StringComparison.Ordinal);
        // The operator's ceiling itself: nobody in the workspace can raise it.
        Assert.EndsWith("That is the most this bot's operator allows.", refusal, StringComparison.Ordinal);
        Assert.Empty(await _h.JobsForAsync(again));
        Assert.Single(_h.Outside.Deepgram.Requests);
    }

    // The command's private answer: inline, or (when the look-ups outlast Slack's 3 s) through response_url.
    private async Task<string> CommandAsync(string text)
    {
        var responses = _h.Slack.Responses.Count;
        using var response = await _h.PostAsync("/slack/commands", _h.CommandForm(text, _h.Slack.NewResponseUrl()), form: true, raw: true);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        var inline = reply["text"]!.GetValue<string>();
        if (!inline.StartsWith("Looking", StringComparison.Ordinal))
        {
            return inline;
        }
        var late = await SlackFlowHarness.EventuallyAsync(() => _h.Slack.Responses.Skip(responses).FirstOrDefault(), r => r is not null, 30);
        Assert.True(late!.IsEphemeral);
        return late.Text!;
    }
}

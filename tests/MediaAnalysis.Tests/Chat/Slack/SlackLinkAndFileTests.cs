using System.Net;
using System.Text.Json.Nodes;
using MediaAnalysis.Chat.Slack.Inbound;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Chat.Slack;

// Slack Connect file stubs, links to thread replies and other channels, "@bot analyze" in a video's thread, slow
// look-ups answered through response_url, and the private notes that say where things are.
[Collection(MediaCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class SlackLinkAndFileTests(MediaFiles media) : IAsyncLifetime
{
    private const string Channel = SlackFlowHarness.Channel;
    private const string Person = SlackFlowHarness.Person;
    private const string Elsewhere = "C0ELSEWHR1";
    private SlackFlowHarness _h = null!;

    private FakeSlackApi Slack => _h.Slack;

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_slack_connect_stub_is_looked_up_with_files_info()
    {
        var ts = "1712345999.000100";
        Slack.AddHistoryMessage(Channel, new JsonObject
        {
            ["type"] = "message", ["user"] = Person, ["text"] = "from our partner", ["ts"] = ts,
            ["files"] = new JsonArray(FakeSlackApi.StubJson(_h.Video)),
        });

        await _h.InteractAsync(_h.Shortcut(ts));
        var job = Assert.Single(await _h.WaitForJobsAsync(ts));

        Assert.Equal(JobState.Done, job.State);
        Assert.Equal("standup.mp4", job.SourceName);
        Assert.Contains(Slack.RequestsFor("files.info"), r => r.Arg("file") == _h.Video.Id);
    }

    [Fact]
    public async Task A_link_to_a_reply_in_a_thread_finds_the_reply()
    {
        var parent = Slack.PostUserMessage(Channel, Person, "what do you think of this?");
        var reply = Slack.PostUserReply(Channel, parent, Person, "here it is", _h.Video);
        var link = $"https://{Slack.TeamDomain}.slack.com/archives/{Channel}/p{reply.Replace(".", "", StringComparison.Ordinal)}?thread_ts={parent}&cid={Channel}";

        var inline = await CommandAsync($"{link} English");
        var job = Assert.Single(await _h.WaitForJobsAsync(reply));

        Assert.Contains("standup.mp4", inline, StringComparison.Ordinal);
        Assert.Equal(JobState.Done, job.State);
        Assert.NotEmpty(Slack.MessagesIn(Channel, parent)); // the answers go to the reply's thread
    }

    [Fact]
    public async Task Mentioning_the_bot_in_a_videos_thread_analyzes_the_parent()
    {
        var parent = Slack.PostUserMessage(Channel, Person, "standup recording", _h.Video);
        var mention = Slack.PostUserReply(Channel, parent, Person, $"<@{Slack.BotUserId}> analyze");

        using (await _h.PostAsync("/slack/events", _h.Event("Ev10", "app_mention", mention))) { }
        var job = Assert.Single(await _h.WaitForJobsAsync(parent));

        Assert.Equal(JobState.Done, job.State);
        Assert.Single(Slack.FilesIn(Channel, parent));
    }

    [Fact]
    public async Task A_link_into_a_channel_the_person_is_not_in_reveals_nothing()
    {
        var ts = Slack.PostUserMessage(Elsewhere, "U0STRANGER", "secret", _h.Video);
        Slack.AddMembers(Elsewhere, [.. Enumerable.Range(0, 450).Select(i => $"U0MEMBER{i:D3}")]);
        var link = $"https://{Slack.TeamDomain}.slack.com/archives/{Elsewhere}/p{ts.Replace(".", "", StringComparison.Ordinal)}";

        var refused = await CommandAsync(link);
        Slack.AddMembers(Elsewhere, Person);
        var accepted = await CommandAsync(link);
        var job = Assert.Single(await _h.WaitForJobsAsync(ts, channel: Elsewhere));

        Assert.Equal(SlackVideoFinder.LinkRefusal, refused);
        Assert.DoesNotContain("standup", refused, StringComparison.Ordinal);
        Assert.Contains("standup.mp4", accepted, StringComparison.Ordinal);
        Assert.Equal(JobState.Done, job.State);
        Assert.True(Slack.RequestsFor("conversations.members").Count >= 3, "the member list was not paged");
    }

    [Fact]
    public async Task A_slow_look_up_is_acknowledged_at_once_and_answered_through_response_url()
    {
        var ts = Slack.PostUserMessage(Elsewhere, Person, "video", _h.Video);
        Slack.AddMembers(Elsewhere, Person);
        Slack.Slow("conversations.members", TimeSpan.FromSeconds(3));
        var link = $"https://{Slack.TeamDomain}.slack.com/archives/{Elsewhere}/p{ts.Replace(".", "", StringComparison.Ordinal)}";
        var responseUrl = Slack.NewResponseUrl();
        var started = DateTime.UtcNow;

        var inline = await CommandAsync(link, responseUrl);
        var took = DateTime.UtcNow - started;
        var later = await SlackFlowHarness.EventuallyAsync(() => Slack.Responses.FirstOrDefault(r => r.ReplaceOriginal == true), r => r is not null);
        await _h.WaitForJobsAsync(ts, channel: Elsewhere);

        Assert.True(took < TimeSpan.FromSeconds(2.9), $"the command took {took.TotalSeconds:0.0} s to answer");
        Assert.Contains("Looking", inline, StringComparison.Ordinal);
        Assert.Contains("standup.mp4", later!.Text, StringComparison.Ordinal);
        Assert.Equal("ephemeral", later.ResponseType);
    }

    [Fact]
    public async Task The_shortcut_confirms_privately_with_a_link_to_the_status_message()
    {
        var ts = Slack.PostUserMessage(Channel, Person, "video", _h.Video);

        await _h.InteractAsync(_h.Shortcut(ts));
        await _h.WaitForJobsAsync(ts);
        var confirmation = await SlackFlowHarness.EventuallyAsync(() => Slack.Responses.FirstOrDefault(r => r.Text?.Contains("Analyzing", StringComparison.Ordinal) == true), r => r is not null);
        var status = Slack.MessagesIn(Channel, ts)[0];

        Assert.Equal("ephemeral", confirmation!.ResponseType);
        Assert.Contains($"/archives/{Channel}/p{status.Ts.Replace(".", "", StringComparison.Ordinal)}?thread_ts={ts}", confirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_repeated_by_a_slack_retry_is_sent_once_in_the_thread()
    {
        var parent = Slack.PostUserMessage(Channel, Person, "let's talk");
        var mention = Slack.PostUserReply(Channel, parent, Person, $"<@{Slack.BotUserId}> what do you think of the weather");

        using (await _h.PostAsync("/slack/events", _h.Event("Ev20", "app_mention", mention))) { }
        using (await _h.PostAsync("/slack/events", _h.Event("Ev20", "app_mention", mention), retry: 1)) { }
        using (await _h.PostAsync("/slack/events", _h.Event("Ev20", "app_mention", mention), retry: 2)) { }
        await Task.Delay(700);

        var note = Assert.Single(Slack.Messages, m => m.EphemeralFor == Person);
        Assert.Equal(parent, note.ThreadTs);
        Assert.Equal((0, 0), await _h.Store.CountsAsync(CancellationToken.None));
    }

    private async Task<string> CommandAsync(string text, string? responseUrl = null)
    {
        using var response = await _h.PostAsync("/slack/commands", _h.CommandForm(text, responseUrl ?? Slack.NewResponseUrl()), form: true, raw: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>();
    }
}

using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue.Questions;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Chat.Slack;

// "@bot <question>" in a video's thread, from signed Events API callbacks: a question about the thread's latest
// finished job, answered there as a threaded reply; refused privately while the video still runs; a mention in a
// thread the bot never analyzed is no question.
[Collection(MediaCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class SlackAskTests(MediaFiles media) : IAsyncLifetime
{
    private const string Asker = "vendor-q/asker";
    private const string Channel = SlackFlowHarness.Channel;
    private const string Person = SlackFlowHarness.Person;
    private SlackFlowHarness _h = null!;
    private int _events;

    private FakeSlackApi Slack => _h.Slack;

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media, new() { ["Analysis:QuestionModel"] = Asker });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_mention_with_a_question_in_a_finished_videos_thread_is_answered_there()
    {
        var parent = await FinishedVideoAsync();
        _h.Outside.OpenRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"They ship in *May* [0:02].","supported":true,"moments":["0:02"]}"""));

        var ts = await MentionAsync(parent, "what did they decide about the launch?");
        await WaitForPostedAsync(ts);

        var answer = Slack.MessagesIn(Channel, parent).Last(m => m.BotId is not null);
        var sections = answer.TextsOf("section");
        Assert.Equal($"> <@{Person}> asked: what did they decide about the launch?", sections[0]);
        Assert.Equal("They ship in _May_ [0:02].", sections[1]);
        var context = Assert.Single(answer.TextsOf("context"));
        Assert.StartsWith(Asker + " · ", context, StringComparison.Ordinal);
        Assert.Contains("$", context, StringComparison.Ordinal);
        Assert.Equal(parent, answer.ThreadTs);
        Assert.Equal("video_answer", Assert.Single(_h.Outside.OpenRouter.Requests, r => r.Model == Asker).SchemaName);
        Assert.Empty(Slack.Violations);
        if (Environment.GetEnvironmentVariable("MEDIA_ANALYSIS_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllLinesAsync(dump, Slack.MessagesIn(Channel, parent).Select(m => $"[{m.ThreadTs}] {m.Text}\n  blocks: {m.Blocks}"));
        }
    }

    [Fact]
    public async Task An_answer_posted_before_a_restart_but_not_marked_is_found_in_the_thread_and_not_posted_again()
    {
        var parent = await FinishedVideoAsync();
        var ts = await MentionAsync(parent, "what did they decide?");
        await WaitForPostedAsync(ts);
        var question = (await _h.App.Services.GetRequiredService<IQuestionStore>().GetQuestionAsync($"slack:{Slack.TeamId}:{Channel}:{ts}", CancellationToken.None))!;
        var before = Slack.MessagesIn(Channel, parent).Count;

        // The replier of the next process: the answer was stored before it started.
        var api = _h.App.Services.GetRequiredService<MediaAnalysis.Chat.Slack.Api.SlackApiClient>();
        var next = new MediaAnalysis.Chat.Slack.SlackQuestionReplier(api, TimeProvider.System);
        await next.PostAnswerAsync(question, CancellationToken.None);
        Assert.Equal(before, Slack.MessagesIn(Channel, parent).Count);
        Assert.NotEmpty(Slack.RequestsFor("conversations.replies"));

        // One that is not in the thread yet is posted.
        await next.PostAnswerAsync(question with { Key = question.Key + "-other" }, CancellationToken.None);
        Assert.Equal(before + 1, Slack.MessagesIn(Channel, parent).Count);
    }

    [Fact]
    public async Task A_question_while_the_video_still_runs_is_refused_privately_in_the_thread()
    {
        _h.Outside.OpenRouter.Latency = TimeSpan.FromSeconds(30);
        var parent = Slack.PostUserMessage(Channel, Person, "standup recording", _h.Video);
        using (await _h.PostAsync("/slack/events", _h.Event($"Ev{++_events}", "app_mention", parent))) { }
        await _h.WaitForFirstJobAsync(parent);

        await MentionAsync(parent, "what did they decide?");
        var refusal = await SlackFlowHarness.EventuallyAsync(() => Slack.Messages.FirstOrDefault(m => m.EphemeralFor == Person), m => m is not null);

        Assert.Equal(QuestionDesk.StillRunning, refusal!.Text);
        Assert.Equal(parent, refusal.ThreadTs);
        Assert.DoesNotContain(_h.Outside.OpenRouter.Requests, r => r.Model == Asker);
    }

    [Fact]
    public async Task A_question_in_a_channel_the_workspace_closed_to_the_bot_is_refused_privately()
    {
        var parent = await FinishedVideoAsync();
        await _h.App.Services.GetRequiredService<MediaAnalysis.Settings.ServerSettings>().ApplyAsync("slack", Slack.TeamId, "admin",
            MediaAnalysis.Settings.SettingsSwitches.Access(null, "C0ELSEWHERE", null), CancellationToken.None);

        await MentionAsync(parent, "what did they decide?");
        var refusal = await SlackFlowHarness.EventuallyAsync(() => Slack.Messages.FirstOrDefault(m => m.EphemeralFor == Person), m => m is not null);

        Assert.Contains("C0ELSEWHERE", refusal!.Text, StringComparison.Ordinal);
        Assert.Equal(parent, refusal.ThreadTs);
        Assert.DoesNotContain(_h.Outside.OpenRouter.Requests, r => r.Model == Asker);
    }

    [Fact]
    public async Task A_mention_in_a_thread_the_bot_never_analyzed_is_no_question()
    {
        var parent = Slack.PostUserMessage(Channel, Person, "just chatting");

        await MentionAsync(parent, "what did they decide?");
        var note = await SlackFlowHarness.EventuallyAsync(() => Slack.Messages.FirstOrDefault(m => m.EphemeralFor == Person), m => m is not null);

        Assert.StartsWith("That message has no file", note!.Text, StringComparison.Ordinal);
        Assert.Empty(_h.Outside.OpenRouter.Requests);
    }

    // A video shared and analyzed to its end; its thread is the video message's.
    private async Task<string> FinishedVideoAsync()
    {
        var parent = Slack.PostUserMessage(Channel, Person, "standup recording", _h.Video);
        using (await _h.PostAsync("/slack/events", _h.Event($"Ev{++_events}", "app_mention", parent))) { }
        var job = Assert.Single(await _h.WaitForJobsAsync(parent));
        Assert.Equal(JobState.Done, job.State);
        return parent;
    }

    private async Task<string> MentionAsync(string parent, string words)
    {
        var ts = Slack.PostUserReply(Channel, parent, Person, $"<@{Slack.BotUserId}> {words}");
        using (await _h.PostAsync("/slack/events", _h.Event($"Ev{++_events}", "app_mention", ts))) { }
        return ts;
    }

    private async Task WaitForPostedAsync(string ts)
    {
        var questions = _h.App.Services.GetRequiredService<IQuestionStore>();
        await SlackFlowHarness.EventuallyAsync(
            () => questions.GetQuestionAsync($"slack:{Slack.TeamId}:{Channel}:{ts}", CancellationToken.None).GetAwaiter().GetResult(),
            q => q?.State == QuestionState.Posted, seconds: 30);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Chat.Slack;

// The bot as Slack sees it: `serve` with its real /slack endpoints, requests signed with a test secret, the fake
// Slack Web API and file host, and the pipeline's fakes (SlackFlowHarness).
[Collection(MediaCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class SlackFlowTests(MediaFiles media) : IAsyncLifetime
{
    private const string Channel = SlackFlowHarness.Channel;
    private const string Person = SlackFlowHarness.Person;
    private SlackFlowHarness _h = null!;

    private FakeSlackApi Slack => _h.Slack;

    private IJobStore Store => _h.Store;

    public async Task InitializeAsync() => _h = await SlackFlowHarness.StartAsync(media);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        using var response = await _h.PostAsync("/slack/events", """{"token":"t","challenge":"abc123","type":"url_verification"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"challenge\":\"abc123\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("stale")]
    [InlineData("missing")]
    public async Task Unverified_requests_get_401_and_change_nothing(string how)
    {
        var body = _h.Shortcut(Slack.PostUserMessage(Channel, Person, "look", _h.Video)).ToString();
        var stamp = DateTimeOffset.UtcNow.AddMinutes(how == "stale" ? -6 : 0).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/interactivity") { Content = Form(body) };
        if (how != "missing")
        {
            request.Headers.Add("X-Slack-Request-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Signature", how == "bad" ? "v0=" + new string('0', 64) : Slack.Sign(stamp, Encoding.UTF8.GetBytes(body)));
        }

        using var response = await _h.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((0, 0), await Store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_shortcut_posts_a_live_status_six_threaded_answers_and_the_transcript()
    {
        var ts = Slack.PostUserMessage(Channel, Person, "our standup", _h.Video);

        using var response = await _h.PostAsync("/slack/interactivity", _h.Shortcut(ts).ToString(), form: true);
        var job = await _h.WaitForJobAsync(ts);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JobState.Done, job.State);
        // Posts to one channel are paced at one a second, so the final edit comes a little after the job's end.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Slack.MessagesIn(Channel, ts)[0].HasButton("cancel_job") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var thread = Slack.MessagesIn(Channel, ts);
        var status = thread[0];
        Assert.True(status.Version > 1, "the status message was never updated");
        Assert.False(status.HasButton("cancel_job"));
        var headers = thread.Skip(1).SelectMany(m => m.TextsOf("header")).ToList();
        Assert.Equal(3, headers.Count(h => h.StartsWith("Summary", StringComparison.Ordinal)));
        Assert.Equal(3, headers.Count(h => h.StartsWith("Review", StringComparison.Ordinal)));
        var transcript = Assert.Single(Slack.FilesIn(Channel, ts));
        Assert.Equal("standup.transcript.txt", transcript.Name);
        Assert.Empty(Slack.Violations);
        if (Environment.GetEnvironmentVariable("MEDIA_ANALYSIS_DUMP") is { Length: > 0 } dump)
        {
            // What a person sees, for a look by eye: MEDIA_ANALYSIS_DUMP=/tmp/slack.txt dotnet test --filter …
            await File.WriteAllLinesAsync(dump, thread.Select(m => $"[{m.Ts}] {m.Text}\n  blocks: {m.Blocks?.GetRawText()}"));
        }
    }

    [Fact]
    public async Task Slack_429s_through_a_whole_job_delay_the_replies_and_double_none()
    {
        // Retry-After 0 on purpose: this test is about nothing doubling through a storm, not about spacing, and a
        // retry Slack allows at once may land next to a post paced before the storm began.
        Slack.MinPostSpacing = null;
        // A storm of four on the posts (more than Slack:MaxAttempts), two on the status edits, one on the upload.
        Slack.RateLimit("chat.postMessage", TimeSpan.Zero, times: 4);
        Slack.RateLimit("chat.update", TimeSpan.Zero, times: 2);
        Slack.RateLimit("files.getUploadURLExternal", TimeSpan.Zero, times: 1);
        var ts = Slack.PostUserMessage(Channel, Person, "our standup", _h.Video);

        using var response = await _h.PostAsync("/slack/interactivity", _h.Shortcut(ts).ToString(), form: true);
        var job = await _h.WaitForJobAsync(ts);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(job.State == JobState.Done, job.Note);
        Assert.Equal(7, Slack.Requests.Count(r => r.Status == 429));
        var thread = Slack.MessagesIn(Channel, ts);
        var headers = thread.Skip(1).SelectMany(m => m.TextsOf("header")).ToList();
        Assert.Equal(3, headers.Count(h => h.StartsWith("Summary", StringComparison.Ordinal)));
        Assert.Equal(3, headers.Count(h => h.StartsWith("Review", StringComparison.Ordinal)));
        await WaitForClosingAsync(ts);
        thread = Slack.MessagesIn(Channel, ts);
        Assert.Equal(8, thread.Count); // the status, six answers, the closing mention: nothing posted twice
        Assert.Single(Slack.FilesIn(Channel, ts));
        Assert.Single(_h.Outside.Deepgram.Requests);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task A_mention_its_retry_and_its_file_share_twin_make_one_job()
    {
        var ts = Slack.PostUserMessage(Channel, Person, $"<@{Slack.BotUserId}> analyze", _h.Video);
        var mention = _h.Event("Ev01", "app_mention", ts);
        var twin = _h.Event("Ev02", "message", ts, subtype: "file_share");

        using (await _h.PostAsync("/slack/events", mention)) { }
        using (await _h.PostAsync("/slack/events", mention, retry: 1)) { }
        using (await _h.PostAsync("/slack/events", twin)) { }
        var job = await _h.WaitForJobAsync(ts);

        Assert.Equal(JobState.Done, job.State);
        Assert.Single(_h.Outside.Deepgram.Requests);
        Assert.Single(Slack.FilesIn(Channel, ts));
    }

    [Fact]
    public async Task Slash_command_alone_picks_the_latest_video_and_says_which()
    {
        Slack.PostUserMessage(Channel, Person, "older", _h.Video);
        var newest = Slack.PostUserMessage(Channel, Person, "newest", _h.Video);

        using var response = await _h.PostAsync("/slack/commands", CommandForm(""), form: true, raw: true);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var job = await _h.WaitForJobAsync(newest);

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("standup.mp4", reply["text"]!.GetValue<string>());
        Assert.Equal(JobState.Done, job.State);
        Assert.NotEmpty(Slack.MessagesIn(Channel, newest));
    }

    [Fact]
    public async Task Slash_command_with_a_language_name_transcribes_and_answers_in_it()
    {
        _h.Outside.Deepgram.SpokenLanguage = "de";
        var ts = Slack.PostUserMessage(Channel, Person, "newest", _h.Video);

        using var response = await _h.PostAsync("/slack/commands", CommandForm("German"), form: true, raw: true);
        var job = await _h.WaitForJobAsync(ts);

        Assert.Equal((JobState.Done, "de"), (job.State, job.RequestedLanguage));
        Assert.Equal("de", Assert.Single(_h.Outside.Deepgram.Requests).Query["language"]);
        Assert.All(_h.Outside.OpenRouter.Requests, r => Assert.Contains("Answer in German.", r.Messages[0].Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slash_command_with_a_word_that_is_no_language_gets_a_private_hint_and_no_job()
    {
        Slack.PostUserMessage(Channel, Person, "newest", _h.Video);

        using var response = await _h.PostAsync("/slack/commands", CommandForm("klingon"), form: true, raw: true);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("“klingon” is not a language", reply["text"]!.GetValue<string>());
        Assert.Contains("de (German)", reply["text"]!.GetValue<string>());
        Assert.Equal((0, 0), await Store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Slash_command_without_a_video_in_history_explains_the_shortcut()
    {
        Slack.PostUserMessage(Channel, Person, "no files here");

        using var response = await _h.PostAsync("/slack/commands", CommandForm(""), form: true, raw: true);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Contains("Analyze video", reply["text"]!.GetValue<string>());
        Assert.Equal((0, 0), await Store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_by_the_requester_stops_the_job_and_others_are_told_no()
    {
        _h.Outside.Deepgram.Latency = TimeSpan.FromSeconds(3);
        var ts = Slack.PostUserMessage(Channel, Person, "long one", _h.Video);
        using (await _h.PostAsync("/slack/interactivity", _h.Shortcut(ts).ToString(), form: true)) { }
        var job = await _h.WaitForFirstJobAsync(ts);

        using (await _h.PostAsync("/slack/interactivity", _h.CancelClick(job.Id, "U0SOMEONE9", ts).ToString(), form: true)) { }
        using (await _h.PostAsync("/slack/interactivity", _h.CancelClick(job.Id, Person, ts).ToString(), form: true)) { }
        var ended = await _h.WaitForJobAsync(ts);

        Assert.Equal(JobState.Cancelled, ended.State);
        Assert.Equal($"Cancelled by <@{Person}>.", ended.Note);
        Assert.Contains(Slack.Messages, m => m.EphemeralFor == "U0SOMEONE9" && m.Text!.Contains("can cancel this", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_in_channel_stops_the_job_and_tells_the_person_to_invite_the_bot()
    {
        Slack.NotInChannel(Channel);
        var ts = Slack.PostUserMessage(Channel, Person, "video", _h.Video);

        using (await _h.PostAsync("/slack/interactivity", _h.Shortcut(ts).ToString(), form: true)) { }
        var job = await _h.WaitForJobAsync(ts);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Slack.Responses.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Whichever notices first ends it: the status post (cancels) or the worker's first post (fails).
        Assert.Contains(job.State, new[] { JobState.Cancelled, JobState.Failed });
        Assert.Contains(Slack.Responses, r => r.Text is { } text && text.Contains("/invite", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_in_page_in_place_of_the_video_is_reported_never_given_to_ffmpeg()
    {
        // Files on another origin than Slack:FilesBaseUrl never get the token: the fake answers its sign-in page.
        var ts = Slack.PostUserMessage(Channel, Person, "video", _h.Video);
        await _h.RestartAsync(new()
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_h.Outside.Root, "jobs2.db")}",
            ["Slack:FilesBaseUrl"] = "https://files.slack.com",
        });

        using (await _h.PostAsync("/slack/interactivity", _h.Shortcut(ts).ToString(), form: true)) { }
        var job = await _h.WaitForJobAsync(ts);

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("web page, not a video", job.Note);
        Assert.Empty(_h.Outside.Deepgram.Requests);
    }

    [Fact]
    public async Task The_asker_is_mentioned_once_in_the_thread_when_the_job_ends()
    {
        var ts = Slack.PostUserMessage(Channel, Person, "our standup", _h.Video);

        using var response = await _h.PostAsync("/slack/interactivity", _h.Shortcut(ts).ToString(), form: true);
        var job = await _h.WaitForJobAsync(ts);
        await WaitForClosingAsync(ts);
        // Asked again (a restart that ends the job a second time): the state says it was said.
        var replier = _h.App.Services.GetRequiredService<MediaAnalysis.Chat.Slack.SlackReplier>();
        var stored = (await Store.GetAsync(job.Id, CancellationToken.None))!;
        await replier.NotifyEndAsync(MediaAnalysis.Queue.ReplyContexts.ReplyContextFor(Store, stored),
            new JobStatus { JobId = job.Id, SourceName = job.SourceName, RequesterId = Person, State = JobState.Done }, CancellationToken.None);

        var closing = Assert.Single(Slack.MessagesIn(Channel, ts), m => m.Text?.Contains("your analysis", StringComparison.Ordinal) == true);
        Assert.Equal($"<@{Person}> your analysis of *standup.mp4* is done: 6 of 6 answered.", closing.Text);
        Assert.Equal(ts, closing.ThreadTs);
    }

    private async Task WaitForClosingAsync(string ts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Slack.MessagesIn(Channel, ts).Any(m => m.Text?.StartsWith($"<@{Person}> your analysis", StringComparison.Ordinal) == true)
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private string CommandForm(string text) => _h.CommandForm(text, Slack.NewResponseUrl());

    private static StringContent Form(string payloadJson) =>
        new("payload=" + Uri.EscapeDataString(payloadJson), Encoding.UTF8, "application/x-www-form-urlencoded");
}

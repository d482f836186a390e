using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MediaAnalysis.Tests.Chat.Slack;

// The bot as Slack sees it: `serve` with its real /slack endpoints, requests signed with a test secret, the fake
// Slack Web API and file host, and the pipeline's fakes.
[Collection(MediaCollection.Name)]
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class SlackFlowTests(MediaFiles media) : IAsyncLifetime
{
    private const string Channel = "C0VIDEOS01";
    private const string Person = "U0PERSON01";
    private PipelineHarness _outside = null!;
    private FakeSlackApi _slack = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private FakeSlackFile _video = null!;
    private string _database = null!;

    private IJobStore Store => _app.Services.GetRequiredService<IJobStore>();

    public async Task InitializeAsync()
    {
        _outside = await PipelineHarness.StartAsync();
        _slack = await FakeSlackApi.StartAsync();
        _slack.MinPostSpacing = TimeSpan.FromMilliseconds(25); // the interval below, less a busy machine's scheduling jitter
        _video = _slack.HostFile("standup.mp4", await File.ReadAllBytesAsync(media[TestVideoKind.Normal]));
        var settings = new Dictionary<string, string?>(_outside.Settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={_database = Path.Combine(_outside.Root, "jobs.db")}",
            ["Queue:StatusInterval"] = "00:00:00.200",
            ["Queue:PollInterval"] = "00:00:00.500",
            ["Queue:ShutdownGrace"] = "00:00:01",
            ["Slack:SigningSecret"] = _slack.SigningSecret,
            ["Slack:BotToken"] = _slack.BotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Slack:FilesBaseUrl"] = _slack.BaseAddress.GetLeftPart(UriPartial.Authority),
            // Slack's ~1 post a second per channel, scaled down tenfold so a job's eight posts take a second, not eight;
            // the fake still checks the spacing (MinPostSpacing), and SlackApiRetryTests checks the real interval.
            ["Slack:PostInterval"] = "00:00:00.100",
            ["Media:AllowedHosts:1"] = _slack.BaseAddress.Authority,
        };
        _app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], settings);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
        await _outside.DisposeAsync();
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        using var response = await PostAsync("/slack/events", """{"token":"t","challenge":"abc123","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"challenge\":\"abc123\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("stale")]
    [InlineData("missing")]
    public async Task Unverified_requests_get_401_and_change_nothing(string how)
    {
        var body = Shortcut(_slack.PostUserMessage(Channel, Person, "look", _video)).ToString();
        var stamp = DateTimeOffset.UtcNow.AddMinutes(how == "stale" ? -6 : 0).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/interactivity") { Content = Form(body) };
        if (how != "missing")
        {
            request.Headers.Add("X-Slack-Request-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Signature", how == "bad" ? "v0=" + new string('0', 64) : _slack.Sign(stamp, Encoding.UTF8.GetBytes(body)));
        }

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((0, 0), await Store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_shortcut_posts_a_live_status_six_threaded_answers_and_the_transcript()
    {
        var ts = _slack.PostUserMessage(Channel, Person, "our standup", _video);

        using var response = await PostAsync("/slack/interactivity", Shortcut(ts).ToString(), form: true);
        var job = await WaitForJobAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JobState.Done, job.State);
        // Posts to one channel are paced at one a second, so the final edit comes a little after the job's end.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_slack.MessagesIn(Channel, ts)[0].HasButton("cancel_job") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var thread = _slack.MessagesIn(Channel, ts);
        var status = thread[0];
        Assert.True(status.Version > 1, "the status message was never updated");
        Assert.False(status.HasButton("cancel_job"));
        var headers = thread.Skip(1).SelectMany(m => m.TextsOf("header")).ToList();
        Assert.Equal(3, headers.Count(h => h.StartsWith("Summary", StringComparison.Ordinal)));
        Assert.Equal(3, headers.Count(h => h.StartsWith("Review", StringComparison.Ordinal)));
        var transcript = Assert.Single(_slack.FilesIn(Channel, ts));
        Assert.Equal("standup.transcript.txt", transcript.Name);
        Assert.Empty(_slack.Violations);
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
        _slack.MinPostSpacing = null;
        // A storm of four on the posts (more than Slack:MaxAttempts), two on the status edits, one on the upload.
        _slack.RateLimit("chat.postMessage", TimeSpan.Zero, times: 4);
        _slack.RateLimit("chat.update", TimeSpan.Zero, times: 2);
        _slack.RateLimit("files.getUploadURLExternal", TimeSpan.Zero, times: 1);
        var ts = _slack.PostUserMessage(Channel, Person, "our standup", _video);

        using var response = await PostAsync("/slack/interactivity", Shortcut(ts).ToString(), form: true);
        var job = await WaitForJobAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(job.State == JobState.Done, job.Note);
        Assert.Equal(7, _slack.Requests.Count(r => r.Status == 429));
        var thread = _slack.MessagesIn(Channel, ts);
        var headers = thread.Skip(1).SelectMany(m => m.TextsOf("header")).ToList();
        Assert.Equal(3, headers.Count(h => h.StartsWith("Summary", StringComparison.Ordinal)));
        Assert.Equal(3, headers.Count(h => h.StartsWith("Review", StringComparison.Ordinal)));
        await WaitForClosingAsync(ts);
        thread = _slack.MessagesIn(Channel, ts);
        Assert.Equal(8, thread.Count); // the status, six answers, the closing mention: nothing posted twice
        Assert.Single(_slack.FilesIn(Channel, ts));
        Assert.Single(_outside.Deepgram.Requests);
        Assert.Empty(_slack.Violations);
    }

    [Fact]
    public async Task A_mention_its_retry_and_its_file_share_twin_make_one_job()
    {
        var ts = _slack.PostUserMessage(Channel, Person, $"<@{_slack.BotUserId}> analyze", _video);
        var mention = Event("Ev01", "app_mention", ts);
        var twin = Event("Ev02", "message", ts, subtype: "file_share");

        using (await PostAsync("/slack/events", mention, "application/json")) { }
        using (await PostAsync("/slack/events", mention, "application/json", retry: 1)) { }
        using (await PostAsync("/slack/events", twin, "application/json")) { }
        var job = await WaitForJobAsync();

        Assert.Equal(JobState.Done, job.State);
        Assert.Single(_outside.Deepgram.Requests);
        Assert.Single(_slack.FilesIn(Channel, ts));
    }

    [Fact]
    public async Task Slash_command_alone_picks_the_latest_video_and_says_which()
    {
        _slack.PostUserMessage(Channel, Person, "older", _video);
        var newest = _slack.PostUserMessage(Channel, Person, "newest", _video);

        using var response = await PostAsync("/slack/commands", CommandForm(""), form: true, raw: true);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var job = await WaitForJobAsync();

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("standup.mp4", reply["text"]!.GetValue<string>());
        Assert.Equal(JobState.Done, job.State);
        Assert.NotEmpty(_slack.MessagesIn(Channel, newest));
    }

    [Fact]
    public async Task Slash_command_with_a_language_name_transcribes_and_answers_in_it()
    {
        _outside.Deepgram.SpokenLanguage = "de";
        _slack.PostUserMessage(Channel, Person, "newest", _video);

        using var response = await PostAsync("/slack/commands", CommandForm("German"), form: true, raw: true);
        var job = await WaitForJobAsync();

        Assert.Equal((JobState.Done, "de"), (job.State, job.RequestedLanguage));
        Assert.Equal("de", Assert.Single(_outside.Deepgram.Requests).Query["language"]);
        Assert.All(_outside.OpenRouter.Requests, r => Assert.Contains("Answer in German.", r.Messages[0].Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slash_command_with_a_word_that_is_no_language_gets_a_private_hint_and_no_job()
    {
        _slack.PostUserMessage(Channel, Person, "newest", _video);

        using var response = await PostAsync("/slack/commands", CommandForm("klingon"), form: true, raw: true);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("“klingon” is not a language", reply["text"]!.GetValue<string>());
        Assert.Contains("de (German)", reply["text"]!.GetValue<string>());
        Assert.Equal((0, 0), await Store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Slash_command_without_a_video_in_history_explains_the_shortcut()
    {
        _slack.PostUserMessage(Channel, Person, "no files here");

        using var response = await PostAsync("/slack/commands", CommandForm(""), form: true, raw: true);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Contains("Analyze video", reply["text"]!.GetValue<string>());
        Assert.Equal((0, 0), await Store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_by_the_requester_stops_the_job_and_others_are_told_no()
    {
        _outside.Deepgram.Latency = TimeSpan.FromSeconds(3);
        var ts = _slack.PostUserMessage(Channel, Person, "long one", _video);
        using (await PostAsync("/slack/interactivity", Shortcut(ts).ToString(), form: true)) { }
        JobRecord? job = null;
        while (job is null)
        {
            job = await FirstJobAsync(ts);
            await Task.Delay(50);
        }

        using (await PostAsync("/slack/interactivity", CancelClick(job.Id, "U0SOMEONE9", ts).ToString(), form: true)) { }
        using (await PostAsync("/slack/interactivity", CancelClick(job.Id, Person, ts).ToString(), form: true)) { }
        var ended = await WaitForJobAsync();

        Assert.Equal(JobState.Cancelled, ended.State);
        Assert.Equal($"Cancelled by <@{Person}>.", ended.Note);
        Assert.Contains(_slack.Messages, m => m.EphemeralFor == "U0SOMEONE9" && m.Text!.Contains("can cancel this", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_in_channel_stops_the_job_and_tells_the_person_to_invite_the_bot()
    {
        _slack.NotInChannel(Channel);
        var ts = _slack.PostUserMessage(Channel, Person, "video", _video);

        using (await PostAsync("/slack/interactivity", Shortcut(ts).ToString(), form: true)) { }
        var job = await WaitForJobAsync(ts);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (_slack.Responses.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Whichever notices first ends it: the status post (cancels) or the worker's first post (fails).
        Assert.Contains(job.State, new[] { JobState.Cancelled, JobState.Failed });
        Assert.Contains(_slack.Responses, r => r.Text is { } text && text.Contains("/invite", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_in_page_in_place_of_the_video_is_reported_never_given_to_ffmpeg()
    {
        // Files on another origin than Slack:FilesBaseUrl never get the token: the fake answers its sign-in page.
        await _app.StopAsync();
        var ts = _slack.PostUserMessage(Channel, Person, "video", _video);
        var settings = new Dictionary<string, string?>(_outside.Settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={_database = Path.Combine(_outside.Root, "jobs2.db")}",
            ["Slack:SigningSecret"] = _slack.SigningSecret,
            ["Slack:BotToken"] = _slack.BotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Slack:FilesBaseUrl"] = "https://files.slack.com",
            ["Media:AllowedHosts:1"] = _slack.BaseAddress.Authority,
        };
        await _app.DisposeAsync();
        _app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], settings);
        await _app.StartAsync();
        _http.Dispose();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using (await PostAsync("/slack/interactivity", Shortcut(ts).ToString(), form: true)) { }
        var job = await WaitForJobAsync();

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("web page, not a video", job.Note);
        Assert.Empty(_outside.Deepgram.Requests);
    }

    [Fact]
    public async Task The_asker_is_mentioned_once_in_the_thread_when_the_job_ends()
    {
        var ts = _slack.PostUserMessage(Channel, Person, "our standup", _video);

        using var response = await PostAsync("/slack/interactivity", Shortcut(ts).ToString(), form: true);
        var job = await WaitForJobAsync();
        await WaitForClosingAsync(ts);
        // Asked again (a restart that ends the job a second time): the state says it was said.
        var replier = _app.Services.GetRequiredService<MediaAnalysis.Chat.Slack.SlackReplier>();
        var stored = (await Store.GetAsync(job.Id, CancellationToken.None))!;
        await replier.NotifyEndAsync(MediaAnalysis.Queue.ReplyContexts.ReplyContextFor(Store, stored),
            new JobStatus { JobId = job.Id, SourceName = job.SourceName, RequesterId = Person, State = JobState.Done }, CancellationToken.None);

        var closing = Assert.Single(_slack.MessagesIn(Channel, ts), m => m.Text?.Contains("your analysis", StringComparison.Ordinal) == true);
        Assert.Equal($"<@{Person}> your analysis of *standup.mp4* is done: 6 of 6 answered.", closing.Text);
        Assert.Equal(ts, closing.ThreadTs);
    }

    private async Task WaitForClosingAsync(string ts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!_slack.MessagesIn(Channel, ts).Any(m => m.Text?.StartsWith($"<@{Person}> your analysis", StringComparison.Ordinal) == true)
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private async Task<JobRecord> WaitForJobAsync(string? messageTs = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var (running, queued) = await Store.CountsAsync(CancellationToken.None);
            var found = messageTs is null
                ? await LastJobAsync()
                : await FirstJobAsync(messageTs);
            if (running + queued == 0 && found is { } job)
            {
                await Task.Delay(400); // the final status edit follows the row
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the Slack job did not finish");
    }

    // The first job for the message's video (shortcut and command keys end with their trigger id).
    private async Task<JobRecord?> FirstJobAsync(string ts) =>
        await SlackFlowHarness.JobsForAsync(Store, _database, ts, Channel) is [var first, ..] ? first : null;

    private async Task<JobRecord?> LastJobAsync()
    {
        foreach (var m in _slack.Messages.Where(m => m.Channel == Channel).Select(m => m.ThreadTs ?? m.Ts).Distinct())
        {
            if (await FirstJobAsync(m) is { } job)
            {
                return job;
            }
        }
        return null;
    }

    private JsonObject Shortcut(string ts) => new()
    {
        ["type"] = "message_action",
        ["callback_id"] = "analyze_video",
        ["trigger_id"] = "1.2.3",
        ["team"] = new JsonObject { ["id"] = _slack.TeamId, ["domain"] = _slack.TeamDomain },
        ["user"] = new JsonObject { ["id"] = Person, ["username"] = "ana", ["team_id"] = _slack.TeamId },
        ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "videos" },
        ["message_ts"] = ts,
        ["message"] = _slack.SeededMessage(Channel, ts)!.DeepClone(),
        ["response_url"] = _slack.NewResponseUrl(),
    };

    private JsonObject CancelClick(string jobId, string user, string threadTs) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = _slack.TeamId },
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = _slack.TeamId },
        ["channel"] = new JsonObject { ["id"] = Channel },
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = Channel, ["thread_ts"] = threadTs },
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "cancel_job", ["value"] = jobId }),
    };

    private string Event(string id, string type, string ts, string? subtype = null) =>
        SlackFlowHarness.EventCallback(_slack, id, _slack.SeededMessage(Channel, ts)!.DeepClone().AsObject(), type, subtype);

    private string CommandForm(string text) =>
        $"token=t&team_id={_slack.TeamId}&team_domain={_slack.TeamDomain}&channel_id={Channel}&channel_name=videos&user_id={Person}"
        + $"&user_name=ana&command=%2Fanalyze&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(_slack.NewResponseUrl())}&trigger_id=1.2.3";

    private static StringContent Form(string payloadJson) =>
        new("payload=" + Uri.EscapeDataString(payloadJson), Encoding.UTF8, "application/x-www-form-urlencoded");

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? contentType = null, bool form = false, bool raw = false, int? retry = null)
    {
        var text = form && !raw ? "payload=" + Uri.EscapeDataString(body) : body;
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(text, Encoding.UTF8, form ? "application/x-www-form-urlencoded" : contentType ?? "application/json"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", _slack.Sign(stamp, Encoding.UTF8.GetBytes(text)));
        if (retry is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return await _http.SendAsync(request);
    }
}

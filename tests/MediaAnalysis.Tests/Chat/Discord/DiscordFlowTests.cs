using MediaAnalysis.Chat.Discord.Rendering;
using System.Diagnostics;
using System.Net;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Fakes.Discord;

namespace MediaAnalysis.Tests.Chat.Discord;

[Collection(MediaCollection.Name)]
public sealed class DiscordFlowTests(MediaFiles media) : DiscordFlowTest(media)
{
    private protected override void Prepare(PipelineHarness outside)
    {
        // The read-only test asks /healthz right before and right after the database turns read-only.
        outside.Settings["Diagnostics:HealthCheckCacheFor"] = "00:00:00";
    }

    [Fact]
    public async Task Ping_is_answered_with_pong()
    {
        using var response = await _d.PostAsync("""{"type":1,"id":"1","application_id":"1","token":"t","version":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("tampered")]
    [InlineData("garbage")]
    public async Task Bad_signatures_get_401_and_change_nothing(string how)
    {
        var body = _d.SlashCommand("standup.mp4").ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body) };
        if (how != "missing")
        {
            request.Headers.Add("X-Signature-Timestamp", "1700000000");
            request.Headers.Add("X-Signature-Ed25519", how == "garbage" ? "zz" : new string('a', 128));
        }

        using var response = await _d.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal((0, 0), await _d.Store.CountsAsync(CancellationToken.None));
        Assert.Empty(_outside.Files.Requests);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_json_gets_400()
    {
        using var response = await _d.PostAsync("{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Analyze_answers_at_once_then_posts_a_thread_with_the_transcript_and_six_answers()
    {
        var interaction = _d.SlashCommand("standup.mp4");

        var clock = Stopwatch.StartNew();
        var reply = await _d.InteractAsync(interaction);
        var answeredIn = clock.Elapsed;
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.True(answeredIn < TimeSpan.FromSeconds(3), $"answered in {answeredIn}");
        Assert.Equal(4, reply["type"]!.GetValue<int>());
        Assert.Contains("standup.mp4", reply["data"]!["content"]!.GetValue<string>());
        Assert.Equal(JobState.Done, job.State);
        var thread = Assert.Single(_d.Discord.Threads);
        var original = _d.Discord.Message(thread.Id)!;   // the thread starts from the status message
        Assert.Contains("✅", original.Content);
        // No Cancel once it ended: "Ask a question" (issue 18) and Delete (issue 19).
        Assert.Equal([DiscordStatusButtons.AskPrefix + job.Id, DiscordDeleteButtons.Ask + job.Id], original.ButtonIds);
        var posted = _d.Discord.MessagesIn(thread.Id);
        Assert.Equal("standup.transcript.txt", Assert.Single(posted[0].Files).FileName);
        var titles = posted.Skip(1).SelectMany(m => m.EmbedTitles).ToList();
        Assert.Equal(3, titles.Count(t => t == "Summary"));
        Assert.Equal(3, titles.Count(t => t == "Review"));
        Assert.Empty(_d.Discord.Violations);
    }

    [Fact]
    public async Task The_language_option_sets_the_transcription_and_the_answers_language()
    {
        _outside.Deepgram.SpokenLanguage = "de";
        var interaction = _d.SlashCommand("standup.mp4");
        interaction["data"]!["options"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["name"] = "language", ["type"] = 3, ["value"] = "de" });

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal((JobState.Done, "de", "de"), (job.State, job.RequestedLanguage, job.Language));
        Assert.Equal("de", Assert.Single(_outside.Deepgram.Requests).Query["language"]);
        Assert.All(_outside.OpenRouter.Requests, r => Assert.Contains("Answer in German.", r.Messages[0].Content, StringComparison.Ordinal));
        var status = _d.Discord.Message(Assert.Single(_d.Discord.Threads).Id)!;
        Assert.Contains("German, chosen", status.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_command_analyzes_the_messages_video()
    {
        _outside.Files.ServeFile("/attachments/demo.mp4", Media[TestVideoKind.Normal]);
        var interaction = _d.MessageCommand("demo.mp4");

        var reply = await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(4, reply["type"]!.GetValue<int>());
        Assert.Equal(JobState.Done, job.State);
        Assert.Equal("demo.mp4", job.SourceName);
        Assert.Equal(6, _d.Discord.MessagesIn(Assert.Single(_d.Discord.Threads).Id).Skip(1).SelectMany(m => m.EmbedTitles).Count(t => t is "Summary" or "Review"));
    }

    [Fact]
    public async Task A_wrong_file_type_gets_an_ephemeral_answer_and_no_job()
    {
        var reply = await _d.InteractAsync(_d.SlashCommand("notes.pdf", "application/pdf"));

        Assert.Equal(4, reply["type"]!.GetValue<int>());
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("a PDF", reply["data"]!["content"]!.GetValue<string>());
        Assert.Equal((0, 0), await _d.Store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_same_interaction_twice_makes_one_job()
    {
        var interaction = _d.SlashCommand("standup.mp4");

        await _d.InteractAsync(interaction);
        await _d.InteractAsync(interaction);
        await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Single(_outside.Deepgram.Requests);
        Assert.Single(_d.Discord.Threads);
    }

    [Fact]
    public async Task Without_thread_permission_answers_come_in_the_channel()
    {
        _d.Discord.ForbidThreadCreation = true;
        var interaction = _d.SlashCommand("standup.mp4");

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        Assert.Empty(_d.Discord.Threads);
        var inChannel = _d.Discord.MessagesIn(_d.Discord.DefaultChannelId);
        Assert.Equal(6, inChannel.SelectMany(m => m.EmbedTitles).Count(t => t is "Summary" or "Review"));
        Assert.Contains(inChannel, m => m.Files.Count == 1);
    }

    [Fact]
    public async Task An_expired_interaction_token_falls_back_to_the_bot_token()
    {
        _outside.OpenRouter.Latency = TimeSpan.FromMilliseconds(800);
        var interaction = _d.SlashCommand("standup.mp4");
        var token = interaction["token"]!.GetValue<string>();

        await _d.InteractAsync(interaction);
        while (_d.Discord.Threads.Count == 0)
        {
            await Task.Delay(50);
        }
        _d.Discord.ExpireToken(token);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        var thread = Assert.Single(_d.Discord.Threads);
        Assert.Contains(_d.Discord.Requests, r => r.Method == "PATCH" && r.Path.Contains($"/channels/{_d.Discord.DefaultChannelId}/messages/{thread.Id}", StringComparison.Ordinal));
        Assert.Contains("✅", _d.Discord.Message(thread.Id)!.Content);
    }

    [Fact]
    public async Task Cancel_by_someone_else_is_refused_and_by_the_requester_works()
    {
        _outside.Deepgram.Latency = TimeSpan.FromSeconds(20); // cancelling ends the wait
        var interaction = _d.SlashCommand("standup.mp4");
        var requester = interaction["member"]!["user"]!["id"]!.GetValue<string>();
        await _d.InteractAsync(interaction);
        var job = await _d.Store.FindByKeyAsync($"discord:{interaction["id"]}", CancellationToken.None);
        var customId = $"cancel:{job!.Id}";

        var refused = await _d.InteractAsync(DiscordFlowHarness.Button(interaction, customId, "999"));
        var accepted = await _d.InteractAsync(DiscordFlowHarness.Button(interaction, customId, requester));
        var ended = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("can cancel this", refused["data"]!["content"]!.GetValue<string>());
        Assert.Equal(6, accepted["type"]!.GetValue<int>());
        Assert.Equal(JobState.Cancelled, ended.State);
        Assert.Equal($"Cancelled by <@{requester}>.", ended.Note);
    }

    [Fact]
    public async Task Cancel_from_another_server_is_refused_even_for_a_moderator()
    {
        _outside.Deepgram.Latency = TimeSpan.FromSeconds(20); // cancelling ends the wait
        var interaction = _d.SlashCommand("standup.mp4");
        var requester = interaction["member"]!["user"]!["id"]!.GetValue<string>();
        await _d.InteractAsync(interaction);
        var job = await _d.Store.FindByKeyAsync($"discord:{interaction["id"]}", CancellationToken.None);
        var foreign = DiscordFlowHarness.Button(interaction, $"cancel:{job!.Id}", requester, permissions: "8192");
        foreign["guild_id"] = "1999999999999999999";

        var refused = await _d.InteractAsync(foreign);
        var still = await _d.Store.GetAsync(job.Id, CancellationToken.None);
        var accepted = await _d.InteractAsync(DiscordFlowHarness.Button(interaction, $"cancel:{job.Id}", requester));
        var ended = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("no longer known", refused["data"]!["content"]!.GetValue<string>());
        Assert.Contains(still!.State, new[] { JobState.Queued, JobState.Running });
        Assert.Null(still.CancelRequestedBy);
        Assert.Equal(6, accepted["type"]!.GetValue<int>());
        Assert.Equal(JobState.Cancelled, ended.State);
    }

    [Fact]
    public async Task A_rate_limited_edit_waits_and_goes_through()
    {
        _d.Discord.Enqueue(FakeDiscordReply.RateLimited(0.5), "POST", "/threads");
        var interaction = _d.SlashCommand("standup.mp4");

        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(interaction["id"]!.GetValue<string>());

        Assert.Equal(JobState.Done, job.State);
        Assert.Single(_d.Discord.Threads);
        Assert.Equal(2, _d.Discord.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_read_only_database_makes_healthz_503_and_requests_are_refused_politely()
    {
        using (var ok = await _d.Http.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        // Root ignores file modes, so the file is made immutable instead (ext4's chattr +i).
        var files = Directory.GetFiles(_outside.Root, "jobs.db*");
        Chattr("+i", files);
        try
        {
            using var health = await _d.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
            var reply = await _d.InteractAsync(_d.SlashCommand("standup.mp4"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("cannot be written", await health.Content.ReadAsStringAsync());
            Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
            Assert.Contains("can't take new videos right now", reply["data"]!["content"]!.GetValue<string>());
            Assert.Empty(_outside.Files.Requests);
        }
        finally
        {
            Chattr("-i", files);
        }
    }

    private static void Chattr(string flag, string[] files)
    {
        using var process = Process.Start(new ProcessStartInfo("chattr", [flag, .. files]) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chattr {flag} failed: {error}");
    }
}

using MediaAnalysis.Chat.Discord.Inbound;
using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue.Questions;

namespace MediaAnalysis.Tests.Chat.Discord;

// `/ask` from signed interactions, end to end: in a finished job's thread the question is deferred at once and
// answered there (the question quoted with who asked, the answer, the model and cost); elsewhere a private how-to;
// plain refusals for a job still running and past the daily limit; and a question never waits for the server's
// running video job (its own lane).
[Collection(MediaCollection.Name)]
public sealed class DiscordAskTests(MediaFiles media) : DiscordFlowTest(media)
{
    public const string Asker = "vendor-q/asker";
    private static readonly Dictionary<string, string?> AskSettings = new() { ["Analysis:QuestionModel"] = Asker, ["Limits:QuestionsPerMemberDaily"] = "2" };
    private string _firstInteraction = "";

    private protected override Dictionary<string, string?> Settings => AskSettings;

    [Fact]
    public async Task Ask_in_a_finished_jobs_thread_is_deferred_and_answered_there_with_the_question_its_asker_and_the_cost()
    {
        var thread = await FinishedThreadAsync();
        _outside.OpenRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"They agreed to ship in May [0:02].","supported":true,"moments":["0:02"]}"""));

        var ask = _d.Ask(thread, "When do they ship?");
        var reply = await _d.InteractAsync(ask);
        var question = await _d.WaitForQuestionAsync(ask["id"]!.GetValue<string>());

        Assert.Equal(5, reply["type"]!.GetValue<int>());
        var answer = _d.Discord.MessagesIn(thread).Single(m => m.ViaWebhook);
        var text = Assert.Single(answer.EmbedDescriptions);
        Assert.StartsWith("> **Alice** asked: When do they ship?\n\n", text, StringComparison.Ordinal);
        Assert.Contains("They agreed to ship in May [0:02].", text, StringComparison.Ordinal);
        var footer = answer.Embeds[0].GetProperty("footer").GetProperty("text").GetString()!;
        Assert.StartsWith(Asker + " · ", footer, StringComparison.Ordinal);
        Assert.Contains(" tokens · ", footer, StringComparison.Ordinal);
        Assert.Contains("$", footer, StringComparison.Ordinal);
        Assert.True(question.Supported);
        var request = Assert.Single(_outside.OpenRouter.Requests, r => r.Model == Asker);
        Assert.Equal("video_answer", request.SchemaName);
        Assert.Empty(_d.Discord.Violations);
        if (Environment.GetEnvironmentVariable("MEDIA_ANALYSIS_DUMP") is { Length: > 0 } dump)
        {
            await File.WriteAllLinesAsync(dump, _d.Discord.Messages.Select(m =>
                $"[{m.ChannelId}] {m.Content}\n  embeds: {string.Join(" | ", m.Embeds.Select(e => e.GetRawText()))}"));
        }
    }

    [Fact]
    public async Task A_question_the_transcript_cannot_answer_gets_the_video_doesnt_say()
    {
        var thread = await FinishedThreadAsync();
        _outside.OpenRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"Probably Berlin.","supported":false,"moments":[]}"""));

        var ask = _d.Ask(thread, "Where is their office?");
        await _d.InteractAsync(ask);
        await _d.WaitForQuestionAsync(ask["id"]!.GetValue<string>());

        var text = Assert.Single(_d.Discord.MessagesIn(thread).Single(m => m.ViaWebhook).EmbedDescriptions);
        Assert.EndsWith("\n\nThe video doesn't say.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Berlin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_outside_a_thread_or_in_a_thread_without_a_video_answers_privately_how_to_use_it()
    {
        var inChannel = await _d.InteractAsync(_d.Ask(_d.Discord.DefaultChannelId, "What did they decide?", channelType: 0));
        var strangeThread = await _d.InteractAsync(_d.Ask("1300000000000000777", "What did they decide?"));

        Assert.Equal((4, 64), (inChannel["type"]!.GetValue<int>(), inChannel["data"]!["flags"]!.GetValue<int>()));
        Assert.Equal(DiscordAskEndpoint.HowTo, inChannel["data"]!["content"]!.GetValue<string>());
        Assert.Contains("thread", DiscordAskEndpoint.HowTo, StringComparison.Ordinal);
        Assert.Equal(DiscordAskEndpoint.NoVideoHere, strangeThread["data"]!["content"]!.GetValue<string>());
        Assert.Equal(64, strangeThread["data"]!["flags"]!.GetValue<int>());
        Assert.Empty(_outside.OpenRouter.Requests);
    }

    [Fact]
    public async Task A_server_that_keeps_the_bot_to_a_role_refuses_questions_from_others_too()
    {
        var thread = await FinishedThreadAsync();
        await _d.App.Services.GetRequiredService<MediaAnalysis.Settings.ServerSettings>().ApplyAsync("discord", _d.Discord.GuildId, "admin",
            MediaAnalysis.Settings.SettingsSwitches.Access("1300000000000000888", null, null), CancellationToken.None);

        var refused = await _d.InteractAsync(_d.Ask(thread, "What did they decide?"));

        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("<@&1300000000000000888>", refused["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_outside.OpenRouter.Requests, r => r.Model == Asker);
    }

    [Fact]
    public async Task A_question_about_a_job_still_running_is_refused_in_plain_words()
    {
        // A video analyzed inside a thread: the thread is the job's channel, and its models are slow.
        const string thread = "1300000000000000555";
        _d.Discord.AddChannel(thread, 11, _d.Discord.DefaultChannelId);
        _outside.OpenRouter.Latency = TimeSpan.FromSeconds(30);
        var analyze = _d.SlashCommand("standup.mp4");
        analyze["channel_id"] = thread;
        analyze["channel"]!["id"] = thread;
        analyze["channel"]!["type"] = 11;
        await _d.InteractAsync(analyze);

        var reply = await _d.InteractAsync(_d.Ask(thread, "What did they decide?"));

        Assert.Equal(QuestionDesk.StillRunning, reply["data"]!["content"]!.GetValue<string>());
        Assert.Equal(64, reply["data"]!["flags"]!.GetValue<int>());
        Assert.DoesNotContain(_outside.OpenRouter.Requests, r => r.Model == Asker);
    }

    [Fact]
    public async Task Past_the_members_daily_limit_the_question_is_refused_and_not_asked()
    {
        var thread = await FinishedThreadAsync();

        for (var i = 0; i < 2; i++)
        {
            var ask = _d.Ask(thread, $"Question {i}?");
            Assert.Equal(5, (await _d.InteractAsync(ask))["type"]!.GetValue<int>());
            await _d.WaitForQuestionAsync(ask["id"]!.GetValue<string>());
        }
        var third = await _d.InteractAsync(_d.Ask(thread, "One more?"));
        var otherMember = _d.Ask(thread, "And mine?", userId: "1300000000000000301");
        var other = await _d.InteractAsync(otherMember);

        Assert.StartsWith("You've asked 2 questions today", third["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(64, third["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(5, other["type"]!.GetValue<int>());
        await _d.WaitForQuestionAsync(otherMember["id"]!.GetValue<string>());
        Assert.Equal(3, _outside.OpenRouter.Requests.Count(r => r.Model == Asker));
    }

    [Fact]
    public async Task A_question_is_answered_while_the_servers_next_video_job_runs()
    {
        var thread = await FinishedThreadAsync();
        // The next video's models take 30 s; the question's model answers at once.
        _outside.OpenRouter.LatencyFor = model => model == Asker ? TimeSpan.Zero : TimeSpan.FromSeconds(30);
        var next = _d.SlashCommand("standup.mp4");
        await _d.InteractAsync(next);
        var running = await WaitForRunningAsync(next["id"]!.GetValue<string>());

        var ask = _d.Ask(thread, "When do they ship?");
        Assert.Equal(5, (await _d.InteractAsync(ask))["type"]!.GetValue<int>());
        await _d.WaitForQuestionAsync(ask["id"]!.GetValue<string>());

        Assert.Equal(JobState.Running, (await _d.Store.GetAsync(running.Id, CancellationToken.None))!.State);
        Assert.Single(_d.Discord.MessagesIn(thread), m => m.ViaWebhook);
    }

    [Fact]
    public async Task A_restart_between_the_question_and_its_answer_posts_exactly_one_answer()
    {
        var thread = await FinishedThreadAsync();
        // The first process never hears back from the model: it stops with the question pending.
        _outside.OpenRouter.LatencyFor = model => model == Asker ? TimeSpan.FromSeconds(60) : TimeSpan.Zero;
        var ask = _d.Ask(thread, "When do they ship?");
        Assert.Equal(5, (await _d.InteractAsync(ask))["type"]!.GetValue<int>());
        var id = ask["id"]!.GetValue<string>();
        await WaitUntilAsync(() => _outside.OpenRouter.Concurrent == 1);
        await _d.App.StopAsync();
        Assert.Equal(QuestionState.Pending, (await _d.WaitForQuestionAsync(id, QuestionState.Pending)).State);

        _outside.OpenRouter.LatencyFor = null;
        _outside.OpenRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"In May [0:02].","supported":true,"moments":["0:02"]}"""));
        await using var restarted = await _d.StartPeerAsync(AskSettings);
        var answered = await restarted.WaitForQuestionAsync(id);

        var answer = Assert.Single(_d.Discord.MessagesIn(thread), m => m.ViaWebhook);
        Assert.Contains("In May [0:02].", Assert.Single(answer.EmbedDescriptions), StringComparison.Ordinal);
        Assert.Equal("In May [0:02].", answered.Answer);
        Assert.Equal(1, Edits(ask));
    }

    [Fact]
    public async Task An_answer_stored_but_not_posted_before_a_restart_is_posted_once_without_asking_the_model_again()
    {
        var thread = await FinishedThreadAsync();
        var ask = _d.Ask(thread, "When do they ship?");
        await _d.InteractAsync(ask);
        var id = ask["id"]!.GetValue<string>();
        await _d.WaitForQuestionAsync(id);
        await _d.App.StopAsync();
        // As if the first process died between storing the answer and posting it: back to "answered".
        await using (var database = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_outside.Root, "jobs.db")}"))
        {
            await database.OpenAsync();
            await using var update = database.CreateCommand();
            update.CommandText = "UPDATE questions SET state = 'answered' WHERE id = $id";
            update.Parameters.AddWithValue("$id", $"discord:{id}");
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var asked = _outside.OpenRouter.Requests.Count(r => r.Model == Asker);
        var edits = Edits(ask);
        var ledger = _d.App.Services.GetRequiredService<MediaAnalysis.Storage.ISpendStore>();
        var spent = (await ledger.TotalsAsync("discord", _d.Discord.GuildId, "-", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None)).TenantUsd;

        await using var restarted = await _d.StartPeerAsync(AskSettings);
        await restarted.WaitForQuestionAsync(id);

        // Billed again by the restart's pass, under the same key: nothing added.
        Assert.Equal(spent, (await ledger.TotalsAsync("discord", _d.Discord.GuildId, "-", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None)).TenantUsd);

        Assert.Equal(asked, _outside.OpenRouter.Requests.Count(r => r.Model == Asker));
        Assert.Equal(edits + 1, Edits(ask));
        Assert.Single(_d.Discord.MessagesIn(thread), m => m.ViaWebhook);
    }

    // Edits of the interaction's deferred reply ("thinking…", replaced by the answer).
    private int Edits(System.Text.Json.Nodes.JsonObject interaction) => _d.Discord.Requests.Count(r => r.Method == "PATCH"
        && r.Path.Contains($"/{interaction["token"]!.GetValue<string>()}/messages/@original", StringComparison.Ordinal));

    [Fact]
    public async Task A_questions_cost_is_billed_once_against_the_month_and_a_used_up_budget_refuses_the_next()
    {
        var thread = await FinishedThreadAsync();
        var guild = _d.Discord.GuildId;
        var ledger = _d.App.Services.GetRequiredService<MediaAnalysis.Storage.ISpendStore>();
        var month = (Since: DateTimeOffset.UtcNow.AddDays(-40), Until: DateTimeOffset.UtcNow.AddDays(40));
        var before = await ledger.TotalsAsync("discord", guild, "1300000000000000300", month.Since, month.Until, CancellationToken.None);

        var ask = _d.Ask(thread, "When do they ship?");
        await _d.InteractAsync(ask);
        var question = await _d.WaitForQuestionAsync(ask["id"]!.GetValue<string>());
        var after = await ledger.TotalsAsync("discord", guild, "1300000000000000300", month.Since, month.Until, CancellationToken.None);

        Assert.True(question.Cost > 0);
        Assert.Equal(before.TenantUsd + question.Cost, after.TenantUsd);
        Assert.Equal(before.MemberUsd + question.Cost, after.MemberUsd);
        Assert.Equal(before.TenantJobs, after.TenantJobs);
        // The month's spend now passes the server's budget: the next question is refused, privately, and not asked.
        await _d.App.Services.GetRequiredService<MediaAnalysis.Settings.ServerSettings>().ApplyAsync("discord", guild, "admin",
            MediaAnalysis.Settings.SettingsEdit.Change("budget", s => s with { MonthlyBudgetUsd = after.TenantUsd }), CancellationToken.None);
        var refused = await _d.InteractAsync(_d.Ask(thread, "And then?"));
        Assert.Contains("budget", refused["data"]!["content"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, refused["data"]!["flags"]!.GetValue<int>());
        Assert.Single(_outside.OpenRouter.Requests, r => r.Model == Asker);
    }

    [Fact]
    public async Task The_question_prompt_holds_the_answers_titles_when_they_fit()
    {
        var thread = await FinishedThreadAsync();
        var ask = _d.Ask(thread, "And the second point?");
        await _d.InteractAsync(ask);
        await _d.WaitForQuestionAsync(ask["id"]!.GetValue<string>());

        var user = Assert.Single(_outside.OpenRouter.Requests, r => r.Model == Asker).Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("The answers already posted in the thread, by their titles:\n- ", user, StringComparison.Ordinal);
        Assert.Equal(6, user.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains("(vendor-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_ask_button_on_the_final_status_opens_a_form_whose_question_is_answered_in_the_thread()
    {
        var thread = await FinishedThreadAsync();
        var status = _d.Discord.Message(thread)!;
        var job = (await _d.Store.FindByKeyAsync($"discord:{_firstInteraction}", CancellationToken.None))!;
        // Ask, then Delete (issue 19).
        Assert.Equal([DiscordStatusButtons.AskPrefix + job.Id, DiscordDeleteButtons.Ask + job.Id], status.ButtonIds);
        var buttonId = status.ButtonIds[0];
        _outside.OpenRouter.Enqueue(Asker, FakeChatReply.Success("""{"answer":"In May [0:02].","supported":true,"moments":["0:02"]}"""));

        var click = DiscordFlowHarness.Button(_d.SlashCommand("unused.mp4"), buttonId, "1300000000000000300");
        var form = await _d.InteractAsync(click);
        var submit = DiscordSettingsPayloads.ModalSubmit(_d, buttonId, ("question", "When do they ship?"));
        var accepted = await _d.InteractAsync(submit);
        await _d.WaitForQuestionAsync(submit["id"]!.GetValue<string>());

        Assert.Equal(9, form["type"]!.GetValue<int>());
        Assert.Equal(buttonId, form["data"]!["custom_id"]!.GetValue<string>());
        var input = form["data"]!["components"]![0]!["components"]![0]!;
        Assert.Equal(("question", 1000), (input["custom_id"]!.GetValue<string>(), input["max_length"]!.GetValue<int>()));
        Assert.Equal(64, accepted["data"]!["flags"]!.GetValue<int>());
        Assert.Equal($"Got it: the answer will be posted in <#{thread}>.", accepted["data"]!["content"]!.GetValue<string>());
        // A message of the bot's own in the thread (not the modal's reply), after the video's answers.
        var answer = _d.Discord.MessagesIn(thread)[^1];
        Assert.False(answer.ViaWebhook);
        Assert.StartsWith("> **Alice** asked: When do they ship?\n\nIn May [0:02].", Assert.Single(answer.EmbedDescriptions), StringComparison.Ordinal);
        Assert.Empty(_d.Discord.Violations);
    }

    [Fact]
    public async Task A_forged_ask_form_for_another_servers_job_is_refused()
    {
        var thread = await FinishedThreadAsync();
        var buttonId = _d.Discord.Message(thread)!.ButtonIds.Single(id => id.StartsWith(DiscordStatusButtons.AskPrefix, StringComparison.Ordinal));
        var submit = DiscordSettingsPayloads.ModalSubmit(_d, buttonId, ("question", "When do they ship?"));
        submit["guild_id"] = "1300000000000000999";

        var refused = await _d.InteractAsync(submit);

        Assert.StartsWith("That video is no longer known.", refused["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_outside.OpenRouter.Requests, r => r.Model == Asker);
    }

    // A video analyzed in channel 200 to its end: the thread started from its status message.
    private async Task<string> FinishedThreadAsync()
    {
        var interaction = _d.SlashCommand("standup.mp4");
        _firstInteraction = interaction["id"]!.GetValue<string>();
        await _d.InteractAsync(interaction);
        var job = await _d.WaitForJobAsync(_firstInteraction);
        Assert.Equal(JobState.Done, job.State);
        return Assert.Single(_d.Discord.Threads).Id;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true");
            await Task.Delay(20);
        }
    }

    private async Task<JobRecord> WaitForRunningAsync(string interactionId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await _d.Store.FindByKeyAsync($"discord:{interactionId}", CancellationToken.None) is { State: JobState.Running, Stage: "analyzing" } job)
            {
                return job;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the second job did not reach its models");
    }
}

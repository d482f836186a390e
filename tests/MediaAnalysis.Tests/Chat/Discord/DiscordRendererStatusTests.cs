using MediaAnalysis.Chat;
using System.Text.Json;
using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Fakes.Discord;
using MediaAnalysis.Chat.Discord.Rendering;

namespace MediaAnalysis.Tests.Chat.Discord;

public sealed class DiscordRendererStatusTests
{
    private static readonly JobStatus Queued = new()
    {
        JobId = "job-1",
        SourceName = "standup.mp4",
        RequesterId = "1300000000000000300",
        SizeBytes = 50_541_363,
        State = JobState.Queued,
        QueuePosition = 2,
        EstimatedWait = TimeSpan.FromMinutes(2.4),
        Calls = Calls(CallState.Waiting, CallState.Waiting, CallState.Waiting, CallState.Waiting, CallState.Waiting, CallState.Waiting),
    };

    [Fact]
    public void Queued_shows_the_place_in_line_and_a_cancel_button()
    {
        var body = DiscordRenderer.Status(Queued);

        Assert.Equal(
            "🎬 **standup.mp4** · 48.2 MB · asked by <@1300000000000000300>\n⏳ Queued: 2nd in line for this server (about 3 min)",
            body.Content);
        var button = Assert.Single(Assert.Single(body.Components!).Components!);
        Assert.Equal(ButtonStyle.Danger, button.Style);
        Assert.Equal("cancel:job-1", button.CustomId);
        Assert.Equal("Cancel", button.Label);
        Assert.Empty(body.AllowedMentions!.Parse);
        AssertValid(body);
    }

    [Fact]
    public void First_in_line_reads_next_and_a_short_wait_reads_under_a_minute()
    {
        var body = DiscordRenderer.Status(Queued with { QueuePosition = 1, EstimatedWait = TimeSpan.FromSeconds(20) });

        Assert.EndsWith("⏳ Queued: next in line for this server (under a minute)", body.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_shows_stages_done_and_the_one_in_progress()
    {
        var body = DiscordRenderer.Status(Queued with { State = JobState.Running, Stage = AnalysisStage.Transcribing, QueuePosition = null });

        var lines = body.Content!.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("✅ Downloaded · ✅ Audio extracted · ⏳ Transcribing", lines[1]);
        Assert.NotEmpty(body.Components!);
    }

    [Fact]
    public void Analyzing_shows_each_model_grouped_by_prompt_and_where_the_answers_go()
    {
        var status = Queued with
        {
            State = JobState.Running,
            Stage = AnalysisStage.Analyzing,
            QueuePosition = null,
            MediaDuration = new TimeSpan(0, 12, 4),
            Language = "en",
            Words = 2140,
            TotalCost = 0.0123m,
            Calls = Calls(CallState.Succeeded, CallState.Succeeded, CallState.Waiting, CallState.Succeeded, CallState.Succeeded, CallState.Failed),
        };

        var lines = DiscordRenderer.Status(status, threadId: "1400000000000000001").Content!.Split('\n');

        Assert.Equal("🎬 **standup.mp4** · 48.2 MB · 12:04 of audio · asked by <@1300000000000000300>", lines[0]);
        Assert.Equal("✅ Downloaded · ✅ Audio extracted · ✅ Transcribed (English, detected, 2,140 words)", lines[1]);
        Assert.Equal(
            "Analyzing 5/6: Summary ✅ gpt-4o-mini 6.2 s ✅ claude-3.5-haiku 8.7 s ⏳ gemini-flash · Review ✅ gpt-4o-mini 6.2 s ✅ claude-3.5-haiku 8.7 s ❌ gemini-flash: out of credits",
            lines[2]);
        Assert.Equal("💬 Answers in <#1400000000000000001> · transcript attached · total $0.0123", lines[3]);
    }

    [Fact]
    public void Done_swaps_cancel_for_delete_and_says_answers_are_below_without_a_thread()
    {
        var status = Queued with
        {
            State = JobState.Done,
            Stage = AnalysisStage.Analyzing,
            QueuePosition = null,
            Calls = Calls(CallState.Succeeded, CallState.Succeeded, CallState.Succeeded, CallState.Succeeded, CallState.Succeeded, CallState.Failed),
        };

        var body = DiscordRenderer.Status(status);

        // The edit that ends the job replaces Cancel by Delete (which asks before it deletes).
        var button = Assert.Single(Assert.Single(body.Components!).Components!);
        Assert.Equal((ButtonStyle.Danger, "Delete", "delete:job-1"), (button.Style, button.Label, button.CustomId));
        Assert.DoesNotContain("cancel:", JsonSerializer.Serialize(body, DiscordJsonContext.Default.MessageBody), StringComparison.Ordinal);
        Assert.Contains("5 of 6 answered: Summary ✅", body.Content, StringComparison.Ordinal);
        Assert.EndsWith("💬 Answers below · transcript attached", body.Content, StringComparison.Ordinal);
        AssertValid(body);
    }

    [Fact]
    public void A_deleted_job_says_who_deleted_it_and_removes_every_button()
    {
        var status = Queued with { State = JobState.Done, QueuePosition = null, Calls = [], DeletedBy = "<@1300000000000000301>", PageUrl = null };

        var body = DiscordRenderer.Status(status);

        Assert.Equal("🎬 **standup.mp4** · 48.2 MB · asked by <@1300000000000000300>\n" + StatusText.Deleted("<@1300000000000000301>"), body.Content);
        Assert.Contains("\"components\":[]", JsonSerializer.Serialize(body, DiscordJsonContext.Default.MessageBody), StringComparison.Ordinal);
        Assert.Empty(body.AllowedMentions!.Parse);
    }

    [Fact]
    public void Failed_marks_the_stage_that_failed_and_gives_the_reason()
    {
        var status = Queued with
        {
            State = JobState.Failed,
            Stage = AnalysisStage.Extracting,
            QueuePosition = null,
            Note = "This video has no sound, so there is nothing to transcribe.",
        };

        var lines = DiscordRenderer.Status(status).Content!.Split('\n');

        Assert.Equal("✅ Downloaded · ❌ Extracting audio", lines[1]);
        Assert.Equal("❌ This video has no sound, so there is nothing to transcribe.", lines[^1]);
        Assert.Equal(["delete:job-1"], OnlyButtons(DiscordRenderer.Status(status)));   // no Cancel once it ended
    }

    [Fact]
    public void Cancelled_and_timed_out_say_so_and_leave_unfinished_calls_marked_as_not_run()
    {
        var cancelled = Queued with
        {
            State = JobState.Cancelled,
            Stage = AnalysisStage.Analyzing,
            QueuePosition = null,
            Note = "Cancelled by <@1300000000000000300>.",
            Calls = Calls(CallState.Succeeded, CallState.Waiting, CallState.Waiting, CallState.Waiting, CallState.Waiting, CallState.Waiting),
        };
        var timedOut = cancelled with { State = JobState.TimedOut, Note = "Stopped after 30 minutes (the limit set for this bot)." };

        var cancelledText = DiscordRenderer.Status(cancelled).Content!;
        var timedOutText = DiscordRenderer.Status(timedOut).Content!;

        Assert.EndsWith("⏹️ Cancelled by <@1300000000000000300>.", cancelledText, StringComparison.Ordinal);
        Assert.Contains("1 of 6 answered: Summary ✅ gpt-4o-mini 6.2 s ➖ claude-3.5-haiku", cancelledText, StringComparison.Ordinal);
        Assert.EndsWith("⏱️ Stopped after 30 minutes (the limit set for this bot).", timedOutText, StringComparison.Ordinal);
        Assert.Equal(["delete:job-1"], OnlyButtons(DiscordRenderer.Status(timedOut)));   // no Cancel once it ended
    }

    [Fact]
    public void A_note_on_a_running_job_is_shown_as_information()
    {
        var body = DiscordRenderer.Status(Queued with { State = JobState.Running, Stage = AnalysisStage.Downloading, Note = "The bot restarted; picking up where it left off." });

        Assert.EndsWith("⏳ Downloading\nℹ️ The bot restarted; picking up where it left off.", body.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_in_a_file_name_is_shown_as_typed()
    {
        var body = DiscordRenderer.Status(Queued with { SourceName = "my_video*final*.mp4" });

        Assert.StartsWith("🎬 **my\\_video\\*final\\*.mp4**", body.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_input_still_fits_in_2000_characters()
    {
        var calls = Enumerable.Range(0, 300)
            .Select(i => new CallMark($"Prompt {i % 7}", $"vendor/model-{i}-{new string('m', 200)}", (CallState)(i % 3), TimeSpan.FromSeconds(i), new string('r', 5000)))
            .ToList();
        var status = Queued with
        {
            SourceName = new string('n', 10_000) + "😀",
            RequesterId = new string('u', 5000),
            State = JobState.Running,
            Stage = AnalysisStage.Analyzing,
            Note = new string('x', 10_000),
            Calls = calls,
        };

        var body = DiscordRenderer.Status(status);

        Assert.True(body.Content!.Length <= DiscordLimits.Content);
        Assert.False(char.IsHighSurrogate(body.Content[^1]));
        AssertValid(body);
    }

    [Fact]
    public void A_few_long_reasons_are_shortened_before_anything_is_cut()
    {
        var calls = Enumerable.Range(0, 6)
            .Select(i => new CallMark(i < 3 ? "Summary" : "Review", $"m{i}", CallState.Failed, TimeSpan.FromSeconds(1), new string('r', 2000)))
            .ToList();

        var body = DiscordRenderer.Status(Queued with { State = JobState.Done, Stage = AnalysisStage.Analyzing, Calls = calls });

        Assert.True(body.Content!.Length <= DiscordLimits.Content);
        Assert.EndsWith("transcript attached", body.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_failed_for_every_prompt_has_its_reason_said_once_and_the_count_is_honest()
    {
        var status = Queued with
        {
            State = JobState.Done,
            Stage = AnalysisStage.Analyzing,
            QueuePosition = null,
            Calls = Calls(CallState.Succeeded, CallState.Succeeded, CallState.Failed, CallState.Succeeded, CallState.Succeeded, CallState.Failed),
        };

        var content = DiscordRenderer.Status(status).Content!;

        Assert.Contains(
            "4 of 6 answered: Summary ✅ gpt-4o-mini 6.2 s ✅ claude-3.5-haiku 8.7 s ❌ gemini-flash: out of credits · Review ✅ gpt-4o-mini 6.2 s ✅ claude-3.5-haiku 8.7 s ❌ gemini-flash\n",
            content, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_are_counted_in_the_singular_and_languages_are_named()
    {
        var status = Queued with { State = JobState.Running, Stage = AnalysisStage.Analyzing, QueuePosition = null, Language = "de", Words = 1 };

        Assert.Contains("✅ Transcribed (German, detected, 1 word)", DiscordRenderer.Status(status).Content, StringComparison.Ordinal);
    }

    private static List<CallMark> Calls(params CallState[] states)
    {
        string[] models = ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku", "google/gemini-flash"];
        double[] seconds = [6.2, 8.7, 12];
        return [.. states.Select((state, i) => new CallMark(
            i < 3 ? "Summary" : "Review",
            models[i % 3],
            state,
            state == CallState.Waiting ? null : TimeSpan.FromSeconds(seconds[i % 3]),
            state == CallState.Failed ? "out of credits" : null))];
    }

    private static void AssertValid(MessageBody body)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(body, DiscordJsonContext.Default.MessageBody));
        Assert.Null(FakeDiscordBodyRules.CheckMessage(json.RootElement, isCreate: true, fileCount: 0));
    }

    private static List<string?> OnlyButtons(MessageBody body) => [.. body.Components!.SelectMany(row => row.Components!).Select(b => b.CustomId)];
}

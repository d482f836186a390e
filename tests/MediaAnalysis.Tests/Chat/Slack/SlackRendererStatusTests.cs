using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackRendererStatusTests
{
    private static JobStatus Base(JobState state = JobState.Running, AnalysisStage? stage = null) => new()
    {
        JobId = "job-7f3a",
        SourceName = "standup.mp4",
        RequesterId = "U0ANA12345",
        SizeBytes = 50_541_363,
        State = state,
        Stage = stage,
        Calls =
        [
            new CallMark("Summary", "openai/gpt-4o-mini", CallState.Waiting, null, null),
            new CallMark("Summary", "anthropic/claude-3.5-haiku", CallState.Waiting, null, null),
            new CallMark("Review", "openai/gpt-4o-mini", CallState.Waiting, null, null),
            new CallMark("Review", "anthropic/claude-3.5-haiku", CallState.Waiting, null, null),
        ],
    };

    [Fact]
    public void A_queued_job_shows_its_place_the_asker_and_a_red_cancel_button()
    {
        var content = SlackRenderer.Status(Base(JobState.Queued) with { QueuePosition = 2, EstimatedWait = TimeSpan.FromMinutes(2.5) });

        var section = RenderedMessage.SectionText(content);
        Assert.Equal("🎬 *standup.mp4* · 48.2 MB · asked by <@U0ANA12345>\n⏳ Queued: 2nd in line for this workspace", section);
        Assert.Equal("2nd in line · about 3 min", RenderedMessage.ContextText(content));
        var button = Assert.Single(Assert.IsType<ActionsBlock>(content.Blocks[^1]).Elements);
        Assert.Equal(("Cancel", "cancel_job", "job-7f3a", "danger"), (button.Text.Text, button.ActionId, button.Value, button.Style));
        Assert.Equal("🎬 standup.mp4: queued, 2nd in line", content.Text);
        RenderedMessage.AssertAcceptable(content);
    }

    [Fact]
    public void A_running_job_shows_the_stages_done_so_far()
    {
        var content = SlackRenderer.Status(Base(stage: AnalysisStage.Transcribing) with { MediaDuration = TimeSpan.FromSeconds(724) });

        Assert.Equal("🎬 *standup.mp4* · 48.2 MB · 12:04 of audio · asked by <@U0ANA12345>\n✅ Downloaded · ✅ Audio extracted · ⏳ Transcribing",
            RenderedMessage.SectionText(content));
        Assert.DoesNotContain(content.Blocks, b => b is ContextBlock);
        Assert.IsType<ActionsBlock>(content.Blocks[^1]);
        RenderedMessage.AssertAcceptable(content);
    }

    [Fact]
    public void While_analyzing_each_prompt_gets_a_line_with_a_mark_per_model()
    {
        var status = Base(stage: AnalysisStage.Analyzing) with { Language = "en", Words = 2140 };
        status = status.WithOutcome(new ModelOutcome.Succeeded("Summary", "openai/gpt-4o-mini", TimeSpan.FromSeconds(6.2), 1, "a", null, 10, 5, 0.0021m));
        status = status.WithOutcome(new ModelOutcome.Failed("Review", "anthropic/claude-3.5-haiku", TimeSpan.FromSeconds(1), 2, "OpenRouter says the account is out of credits (402)", 402));

        var content = SlackRenderer.Status(status);

        Assert.Equal(
            "🎬 *standup.mp4* · 48.2 MB · asked by <@U0ANA12345>\n"
            + "✅ Downloaded · ✅ Audio extracted · ✅ Transcribed (English, detected, 2,140 words)\n"
            + "*Analyzing 2/4*\n"
            + "• *Summary* ✅ gpt-4o-mini 6.2 s · ⏳ claude-3.5-haiku\n"
            + "• *Review* ⏳ gpt-4o-mini · ❌ claude-3.5-haiku: OpenRouter says the account is out of credits (402)",
            RenderedMessage.SectionText(content));
        Assert.Equal("💬 Answers in this thread · transcript attached · total $0.0021", RenderedMessage.ContextText(content));
        Assert.Equal("🎬 standup.mp4: analyzing 2/4", content.Text);
        RenderedMessage.AssertAcceptable(content);
    }

    [Fact]
    public void A_finished_job_has_only_a_delete_button_and_says_how_it_ended()
    {
        var done = SlackRenderer.Status(Base(JobState.Done) with { TotalCost = 0.0123m });
        var failed = SlackRenderer.Status(Base(JobState.Failed, AnalysisStage.Transcribing) with { Note = "Transcription failed after 4 tries (Deepgram 503). Run /analyze again later." });
        var cancelled = SlackRenderer.Status(Base(JobState.Cancelled, AnalysisStage.Downloading) with { Note = "Cancelled by <@U0ANA12345>." });

        // No Cancel once it ended: only Delete, which Slack confirms before it sends the click.
        Assert.All([done, failed, cancelled], c =>
        {
            var button = Assert.Single(Assert.IsType<ActionsBlock>(c.Blocks[^1]).Elements);
            Assert.Equal(("Delete", SlackStatusButtons.DeleteActionId, "job-7f3a", "danger"), (button.Text.Text, button.ActionId, button.Value, button.Style));
            Assert.NotNull(button.Confirm);
        });
        Assert.Contains("*0 of 4 answered*", RenderedMessage.SectionText(done), StringComparison.Ordinal);
        Assert.Contains("➖ gpt-4o-mini", RenderedMessage.SectionText(done), StringComparison.Ordinal);
        Assert.Equal("💬 Answers in this thread · transcript attached · total $0.0123", RenderedMessage.ContextText(done));
        Assert.EndsWith("✅ Downloaded · ✅ Audio extracted · ❌ Transcribing\n❌ Transcription failed after 4 tries (Deepgram 503). Run /analyze again later.",
            RenderedMessage.SectionText(failed), StringComparison.Ordinal);
        Assert.EndsWith("❌ Downloading\n⏹️ Cancelled by <@U0ANA12345>.", RenderedMessage.SectionText(cancelled), StringComparison.Ordinal);
        Assert.Equal("🎬 standup.mp4: failed", failed.Text);
        Assert.All([done, failed, cancelled], RenderedMessage.AssertAcceptable);
    }

    [Fact]
    public void A_deleted_job_says_who_deleted_it_and_has_no_button()
    {
        var content = SlackRenderer.Status(Base(JobState.Done) with { DeletedBy = "<@U0ADMIN001>", Calls = [] });

        Assert.Equal("🎬 *standup.mp4* · 48.2 MB · asked by <@U0ANA12345>\n" + MediaAnalysis.Chat.StatusText.Deleted("<@U0ADMIN001>"), RenderedMessage.SectionText(content));
        Assert.DoesNotContain(content.Blocks, b => b is ActionsBlock);
        RenderedMessage.AssertAcceptable(content);
    }

    [Fact]
    public void Names_people_chose_are_escaped_and_never_become_mentions()
    {
        var content = SlackRenderer.Status(Base(JobState.Queued) with { SourceName = "<!channel> & <@U999>\nfinal.mp4", RequesterId = "ana <b>" });

        var section = RenderedMessage.SectionText(content);
        Assert.StartsWith("🎬 *&lt;!channel&gt; &amp; &lt;@U999&gt; final.mp4* · 48.2 MB · asked by ana &lt;b&gt;", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", content.Text, StringComparison.Ordinal);
        RenderedMessage.AssertAcceptable(content);
    }

    [Fact]
    public void A_note_keeps_user_mentions_but_not_channel_wide_ones()
    {
        var content = SlackRenderer.Status(Base(JobState.Failed) with { Note = "Stopped by <@U0BOSS1> for <!channel> & <@channel>." });

        Assert.EndsWith("❌ Stopped by <@U0BOSS1> for &lt;!channel&gt; &amp; &lt;@channel&gt;.", RenderedMessage.SectionText(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Hundreds_of_calls_with_long_reasons_still_fit_a_section()
    {
        var calls = Enumerable.Range(0, 300).Select(i => new CallMark($"Prompt {i % 30}", $"vendor/model-with-a-long-name-{i}", CallState.Failed,
            TimeSpan.FromSeconds(i), new string('r', 400) + " & <stuff>")).ToList();
        var content = SlackRenderer.Status(Base(stage: AnalysisStage.Analyzing) with { Calls = calls, Note = new string('n', 2000), SourceName = new string('s', 500) });

        Assert.InRange(RenderedMessage.SectionText(content).Length, 100, SlackLimits.SectionText);
        Assert.Contains("• *Prompt 0* 0/10 ✅ 10 ❌", RenderedMessage.SectionText(content), StringComparison.Ordinal);
        RenderedMessage.AssertAcceptable(content);
    }

    [Fact]
    public void A_job_id_too_long_for_a_button_value_gets_no_button()
    {
        var content = SlackRenderer.Status(Base(JobState.Queued) with { JobId = new string('j', 2001) });

        Assert.DoesNotContain(content.Blocks, b => b is ActionsBlock);
        RenderedMessage.AssertAcceptable(content);
    }

    [Fact]
    public void A_short_user_id_is_still_shown_as_a_mention()
    {
        var content = SlackRenderer.Status(Base(JobState.Queued) with { RequesterId = "U1" });

        Assert.StartsWith("🎬 *standup.mp4* · 48.2 MB · asked by <@U1>", RenderedMessage.SectionText(content), StringComparison.Ordinal);
    }
}

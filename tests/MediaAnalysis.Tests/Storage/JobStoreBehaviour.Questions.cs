using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Tests.Storage;

public abstract partial class JobStoreBehaviour
{
    private IQuestionStore Questions => Store switch
    {
        SqliteJobStore sqlite => sqlite.Questions,
        PostgresJobStore postgres => postgres.Questions,
        _ => throw new InvalidOperationException("no question store"),
    };

    private static QuestionRecord Question(string key, string jobId, string asker = "U1", string text = "What did they decide?") => new()
    {
        Key = key, JobId = jobId, Platform = "test", Tenant = "A", Channel = "T1", AskerId = asker, AskerName = "Ana", Question = text,
        ReplyState = "token",
    };

    private static QuestionAnswer Answer(string text) =>
        new(text, true, ["1:05"], "m/one", TimeSpan.FromSeconds(1.5), 120, 30, 0.0012m);

    [StoreFact]
    public async Task A_question_is_stored_once_per_key_and_a_redelivery_is_the_same_question()
    {
        var job = await Enqueue("A", "k0");

        var first = await Questions.AskAsync(Question("ix-1", job.Id), 20, T0, CancellationToken.None);
        var again = await Questions.AskAsync(Question("ix-1", job.Id, text: "something else"), 20, T0.AddSeconds(5), CancellationToken.None);

        Assert.Equal(AskOutcome.Created, first.Outcome);
        Assert.Equal(AskOutcome.Duplicate, again.Outcome);
        Assert.Equal("What did they decide?", again.Question!.Question);
        Assert.Equal((QuestionState.Pending, "token", T0), (again.Question.State, again.Question.ReplyState, again.Question.CreatedAt));
        Assert.Single(await Questions.UnfinishedQuestionsAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task One_live_process_answers_a_question_and_another_takes_it_over_only_once_its_claim_lapsed()
    {
        var job = await Enqueue("A", "k0");
        await Questions.AskAsync(Question("q1", job.Id), 20, T0, CancellationToken.None);
        var lease = TimeSpan.FromMinutes(2);

        Assert.True(await Questions.ClaimQuestionAsync("q1", "web-a/1", "web-a", T0, lease, CancellationToken.None));
        Assert.False(await Questions.ClaimQuestionAsync("q1", "web-b/1", "web-b", T0.AddMinutes(1), lease, CancellationToken.None));
        Assert.True(await Questions.ClaimQuestionAsync("q1", "web-a/1", "web-a", T0.AddMinutes(1), lease, CancellationToken.None)); // renewed
        Assert.True(await Questions.ClaimQuestionAsync("q1", "web-a/2", "web-a", T0.AddMinutes(2), lease, CancellationToken.None)); // web-a restarted
        Assert.Empty(await Questions.LapsedQuestionsAsync("web-b/1", T0.AddMinutes(3), CancellationToken.None));

        // web-a dies: past its claim, web-b sees the question and takes it; web-a's own process would not sweep it.
        Assert.Equal(["q1"], await Questions.LapsedQuestionsAsync("web-b/1", T0.AddMinutes(5), CancellationToken.None));
        Assert.Empty(await Questions.LapsedQuestionsAsync("web-a/2", T0.AddMinutes(5), CancellationToken.None));
        Assert.True(await Questions.ClaimQuestionAsync("q1", "web-b/1", "web-b", T0.AddMinutes(5), lease, CancellationToken.None));

        await Questions.SaveQuestionAnswerAsync("q1", Answer("In May."), T0.AddMinutes(6), CancellationToken.None);
        await Questions.MarkQuestionPostedAsync("q1", CancellationToken.None);
        Assert.False(await Questions.ClaimQuestionAsync("q1", "web-c/1", "web-c", T0.AddMinutes(30), lease, CancellationToken.None));
    }

    [StoreFact]
    public async Task The_daily_limit_counts_one_askers_questions_per_utc_day()
    {
        var job = await Enqueue("A", "k0");
        var evening = new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(AskOutcome.Created, (await Questions.AskAsync(Question("q1", job.Id), 2, evening, CancellationToken.None)).Outcome);
        Assert.Equal(AskOutcome.Created, (await Questions.AskAsync(Question("q2", job.Id), 2, evening, CancellationToken.None)).Outcome);
        var third = await Questions.AskAsync(Question("q3", job.Id), 2, evening.AddMinutes(30), CancellationToken.None);
        var otherMember = await Questions.AskAsync(Question("q4", job.Id, asker: "U2"), 2, evening, CancellationToken.None);
        var nextDay = await Questions.AskAsync(Question("q5", job.Id), 2, evening.AddHours(1.5), CancellationToken.None);

        Assert.Equal((AskOutcome.DailyLimitReached, (QuestionRecord?)null), third);
        Assert.Null(await Questions.GetQuestionAsync("q3", CancellationToken.None));
        Assert.Equal(AskOutcome.Created, otherMember.Outcome);
        Assert.Equal(AskOutcome.Created, nextDay.Outcome);
    }

    [StoreFact]
    public async Task A_question_is_answered_once_and_posted_once_and_its_exchange_feeds_the_next()
    {
        var job = await Enqueue("A", "k0");
        await Questions.AskAsync(Question("q1", job.Id, text: "First?"), 20, T0, CancellationToken.None);
        await Questions.AskAsync(Question("q2", job.Id, text: "Second?"), 20, T0.AddSeconds(1), CancellationToken.None);

        Assert.True(await Questions.SaveQuestionAnswerAsync("q1", Answer("one [1:05]"), T0.AddSeconds(2), CancellationToken.None));
        Assert.False(await Questions.SaveQuestionAnswerAsync("q1", Answer("a second answer"), T0.AddSeconds(3), CancellationToken.None));
        Assert.False(await Questions.MarkQuestionPostedAsync("q2", CancellationToken.None));

        var answered = (await Questions.GetQuestionAsync("q1", CancellationToken.None))!;
        Assert.Equal((QuestionState.Answered, "one [1:05]", true, "m/one"), (answered.State, answered.Answer, answered.Supported, answered.Model));
        Assert.Equal((120, 30, 0.0012m, 1.5), (answered.PromptTokens, answered.CompletionTokens, answered.Cost, answered.Seconds));
        // After a restart: q1 still needs posting, q2 answering.
        Assert.Equal(["q1", "q2"], (await Questions.UnfinishedQuestionsAsync(CancellationToken.None)).Select(q => q.Key));

        Assert.True(await Questions.MarkQuestionPostedAsync("q1", CancellationToken.None));
        Assert.False(await Questions.MarkQuestionPostedAsync("q1", CancellationToken.None));
        Assert.True(await Questions.SaveQuestionAnswerAsync("q2", Answer("two"), T0.AddSeconds(4), CancellationToken.None));

        Assert.Equal(["q2"], (await Questions.UnfinishedQuestionsAsync(CancellationToken.None)).Select(q => q.Key));
        Assert.Equal([new QuestionExchange("Second?", "two")], await Questions.ExchangesAsync(job.Id, 1, CancellationToken.None));
        Assert.Equal(["First?", "Second?"], (await Questions.ExchangesAsync(job.Id, 3, CancellationToken.None)).Select(e => e.Question));
    }

    [StoreFact]
    public async Task A_jobs_questions_go_with_it_when_retention_or_delete_removes_it()
    {
        var old = await Enqueue("A", "old");
        var deletedByHand = await Enqueue("B", "hand");
        await Questions.AskAsync(Question("old-q", old.Id), 20, T0, CancellationToken.None);
        await Questions.AskAsync(Question("hand-q", deletedByHand.Id), 20, T0, CancellationToken.None);
        await Claims.FinishAsync(old.Id, JobState.Done, null, T0.AddDays(-8), CancellationToken.None);

        await Maintenance.DeleteFinishedBeforeAsync(T0.AddDays(-7), CancellationToken.None);
        await Results.DeleteJobAsync(deletedByHand.Id, CancellationToken.None);

        Assert.Null(await Questions.GetQuestionAsync("old-q", CancellationToken.None));
        Assert.Null(await Questions.GetQuestionAsync("hand-q", CancellationToken.None));
    }

    [StoreFact]
    public async Task A_threads_job_is_its_latest_finished_one_else_its_running_one_found_by_channel_or_state()
    {
        // "C1" is every test job's channel; the thread "T9" is named only in the second and third jobs' state.
        var first = await Enqueue("A", "k1");
        var second = await Enqueue("A", "k2");
        var third = await Enqueue("A", "k3");
        await Progress.SavePlatformStateAsync(second.Id, """{"answers_in":"T9","thread":true}""", CancellationToken.None);
        await Progress.SavePlatformStateAsync(third.Id, """{"answers_in":"T9","thread":true}""", CancellationToken.None);
        const string fragment = "\"answers_in\":\"T9\"";

        Assert.Equal(third.Id, (await Questions.JobInThreadAsync("test", "A", "T9", fragment, CancellationToken.None))?.Id);
        await Claims.FinishAsync(second.Id, JobState.Done, null, T0, CancellationToken.None);
        Assert.Equal(second.Id, (await Questions.JobInThreadAsync("test", "A", "T9", fragment, CancellationToken.None))?.Id);
        // By channel: all three were asked in C1, and the finished one wins over the later queued one.
        Assert.Equal(second.Id, (await Questions.JobInThreadAsync("test", "A", "C1", "\"answers_in\":\"C1\"", CancellationToken.None))?.Id);
        await Claims.FinishAsync(first.Id, JobState.Failed, null, T0, CancellationToken.None);
        Assert.Equal(second.Id, (await Questions.JobInThreadAsync("test", "A", "C1", "\"answers_in\":\"C1\"", CancellationToken.None))?.Id);
        Assert.Null(await Questions.JobInThreadAsync("test", "B", "T9", fragment, CancellationToken.None));
        Assert.Null(await Questions.JobInThreadAsync("test", "A", "T8", "\"answers_in\":\"T8\"", CancellationToken.None));
    }

    [StoreFact]
    public async Task A_question_the_model_could_not_answer_is_failed_once_and_left_alone_after_a_restart()
    {
        var job = await Enqueue("A", "k0");
        await Questions.AskAsync(Question("q1", job.Id), 20, T0, CancellationToken.None);

        Assert.True(await Questions.MarkQuestionFailedAsync("q1", T0.AddSeconds(2), CancellationToken.None));
        Assert.False(await Questions.MarkQuestionFailedAsync("q1", T0.AddSeconds(3), CancellationToken.None));
        Assert.False(await Questions.SaveQuestionAnswerAsync("q1", Answer("late"), T0.AddSeconds(4), CancellationToken.None));

        Assert.Equal(QuestionState.Failed, (await Questions.GetQuestionAsync("q1", CancellationToken.None))!.State);
        Assert.Empty(await Questions.UnfinishedQuestionsAsync(CancellationToken.None));
        Assert.Empty(await Questions.ExchangesAsync(job.Id, 3, CancellationToken.None));
    }
}

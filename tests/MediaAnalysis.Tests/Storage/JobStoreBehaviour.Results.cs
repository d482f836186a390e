using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task Answers_are_stored_once_and_read_back_whole()
    {
        var job = await Enqueue("A", "a0");
        var ok = new ModelOutcome.Succeeded("Summary", "m/1", TimeSpan.FromSeconds(6.1), 1, "answer ✅", "m/1-served", 1204, 312, 0.0021m);
        var failed = new ModelOutcome.Failed("Review", "m/2", TimeSpan.FromSeconds(2), 3, "rate limited (429)", 429);

        await Results.SaveAnswerAsync(job.Id, ok, CancellationToken.None);
        await Results.SaveAnswerAsync(job.Id, ok with { Answer = "second write is ignored" }, CancellationToken.None);
        await Results.SaveAnswerAsync(job.Id, failed, CancellationToken.None);
        await Results.MarkAnswerPostedAsync(job.Id, "Summary", "m/1", CancellationToken.None);
        var answers = await Results.GetAnswersAsync(job.Id, CancellationToken.None);

        Assert.Equal(2, answers.Count);
        Assert.Contains(new StoredAnswer(ok, true), answers);
        Assert.Contains(new StoredAnswer(failed, false), answers);
    }

    [StoreFact]
    public async Task Retention_deletes_finished_jobs_and_their_answers_when_due()
    {
        var old = await Enqueue("A", "old");
        var recent = await Enqueue("B", "recent");
        var waiting = await Enqueue("C", "waiting");
        await Results.SaveTranscriptAsync(old.Id, "words", "en", null, CancellationToken.None);
        await Results.SaveAnswerAsync(old.Id, new ModelOutcome.Failed("S", "m", TimeSpan.Zero, 1, "x", null), CancellationToken.None);
        await Claims.FinishAsync(old.Id, JobState.Done, null, T0.AddDays(-8), CancellationToken.None);
        await Claims.FinishAsync(recent.Id, JobState.Done, null, T0.AddDays(-6), CancellationToken.None);

        var deleted = await Maintenance.DeleteFinishedBeforeAsync(T0.AddDays(-7), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await Intake.GetAsync(old.Id, CancellationToken.None));
        Assert.Empty(await Results.GetAnswersAsync(old.Id, CancellationToken.None));
        Assert.NotNull(await Intake.GetAsync(recent.Id, CancellationToken.None));
        Assert.NotNull(await Intake.GetAsync(waiting.Id, CancellationToken.None));
    }
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task A_page_is_found_by_its_token_hash_only()
    {
        var job = await Enqueue("A", "p0");
        await Enqueue("B", "p1");
        var token = PageToken.New();

        await Results.SetPageTokenAsync(job.Id, token, CancellationToken.None);

        Assert.Equal(job.Id, (await Results.FindByPageTokenHashAsync(PageToken.Hash(token), CancellationToken.None))?.Id);
        // The job keeps its token, so a later status (worker, restart) can show the link.
        Assert.Equal(token, (await Intake.GetAsync(job.Id, CancellationToken.None))?.PageToken);
        Assert.Null(await Results.FindByPageTokenHashAsync(PageToken.Hash(PageToken.New()), CancellationToken.None));
        // The token itself opens nothing: only its hash is a key.
        Assert.Null(await Results.FindByPageTokenHashAsync(token, CancellationToken.None));
    }

    [StoreFact]
    public async Task A_new_job_keeps_the_page_token_it_was_enqueued_with_and_a_duplicate_keeps_the_first()
    {
        var token = PageToken.New();

        var created = (await Intake.EnqueueAsync(Request("A", "pk") with { PageToken = token }, 5, T0, CancellationToken.None)).Job!;
        var again = (await Intake.EnqueueAsync(Request("A", "pk") with { PageToken = PageToken.New() }, 5, T0, CancellationToken.None)).Job!;

        Assert.Equal(token, created.PageToken);
        Assert.Equal(token, again.PageToken);
        Assert.Equal(created.Id, (await Results.FindByPageTokenHashAsync(PageToken.Hash(token), CancellationToken.None))?.Id);
        Assert.Null((await Intake.EnqueueAsync(Request("A", "none"), 5, T0, CancellationToken.None)).Job!.PageToken);
    }

    [StoreFact]
    public async Task Retention_takes_the_page_with_its_job()
    {
        var job = await Enqueue("A", "p0");
        var token = PageToken.New();
        var hash = PageToken.Hash(token);
        await Results.SetPageTokenAsync(job.Id, token, CancellationToken.None);
        await Claims.FinishAsync(job.Id, JobState.Done, null, T0.AddDays(-8), CancellationToken.None);

        await Maintenance.DeleteFinishedBeforeAsync(T0.AddDays(-7), CancellationToken.None);

        Assert.Null(await Results.FindByPageTokenHashAsync(hash, CancellationToken.None));
    }

    [StoreFact]
    public async Task Delete_takes_the_transcript_answers_and_page_at_once()
    {
        var job = await Enqueue("A", "p0");
        var other = await Enqueue("B", "p1");
        var token = PageToken.New();
        var hash = PageToken.Hash(token);
        await Results.SetPageTokenAsync(job.Id, token, CancellationToken.None);
        await Results.SaveTranscriptAsync(job.Id, "words", "en", null, CancellationToken.None);
        await Results.SaveAnswerAsync(job.Id, new ModelOutcome.Failed("S", "m", TimeSpan.Zero, 1, "x", null), CancellationToken.None);
        await Results.SaveAnswerAsync(other.Id, new ModelOutcome.Failed("S", "m", TimeSpan.Zero, 1, "x", null), CancellationToken.None);

        Assert.True(await Results.DeleteJobAsync(job.Id, CancellationToken.None));
        Assert.False(await Results.DeleteJobAsync(job.Id, CancellationToken.None));

        Assert.Null(await Intake.GetAsync(job.Id, CancellationToken.None));
        Assert.Null(await Results.FindByPageTokenHashAsync(hash, CancellationToken.None));
        Assert.Empty(await Results.GetAnswersAsync(job.Id, CancellationToken.None));
        Assert.Single(await Results.GetAnswersAsync(other.Id, CancellationToken.None));
    }
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

// Text columns have lengths (VARCHAR(n)): PostgreSQL refuses a longer value, SQLite keeps it whole. Both stores
// fit what they write (StoredText), so an over-long value is accepted, read back and matched the same on both.
public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task Over_long_values_are_fitted_the_same_way_and_keys_keep_their_identity()
    {
        var key = new string('k', 1000);
        var request = Request(new string('T', 150), key) with
        {
            Channel = new string('C', 150),
            RequesterId = new string('U', 150),
            RequesterName = new string('N', 500),
            VideoKey = new string('v', 1000),
            SourceName = new string('f', 400) + ".mp4",
            Language = new string('l', 40),
        };

        var created = await Intake.EnqueueAsync(request, 5, T0, CancellationToken.None);
        var again = await Intake.EnqueueAsync(request, 5, T0, CancellationToken.None);
        var sameStart = await Intake.EnqueueAsync(request with { IdempotencyKey = key[..999] + "x", VideoKey = "other" }, 5, T0, CancellationToken.None);

        var job = created.Job!;
        Assert.Equal(EnqueueOutcome.Created, created.Outcome);
        Assert.Equal((EnqueueOutcome.Duplicate, job.Id), (again.Outcome, again.Job!.Id));
        Assert.Equal(EnqueueOutcome.Created, sameStart.Outcome);
        Assert.NotEqual(job.IdempotencyKey, sameStart.Job!.IdempotencyKey);
        Assert.Equal(job.Id, (await Intake.FindByKeyAsync(key, CancellationToken.None))!.Id);
        Assert.Equal(StoredText.Fit(key, StoredText.KeyLength), job.IdempotencyKey);
        Assert.Equal(StoredText.KeyLength, job.IdempotencyKey.Length);
        Assert.Equal(StoredText.KeyLength, job.VideoKey.Length);
        Assert.Equal(StoredText.IdLength, job.Tenant.Length);
        Assert.Equal(StoredText.IdLength, job.Channel.Length);
        Assert.Equal(StoredText.IdLength, job.RequesterId.Length);
        Assert.Equal(new string('N', StoredText.NameLength - 1) + "…", job.RequesterName);
        Assert.Equal(StoredText.NameLength, job.SourceName.Length);
        Assert.Null(job.RequestedLanguage);

        var running = (await Claims.ClaimNextAsync("w", T0, TimeSpan.FromMinutes(2), CancellationToken.None))!;
        Assert.False(await Intake.CancelAsync(running.Id, new string('@', 500), T0, CancellationToken.None));
        await Results.SaveTranscriptAsync(running.Id, "Hello.", new string('e', 40), null, CancellationToken.None);
        var prompt = new string('p', 150);
        var model = new string('m', 300);
        await Results.SaveAnswerAsync(running.Id, new ModelOutcome.Succeeded(prompt, model, TimeSpan.FromSeconds(1), 1, "An answer.",
            new string('s', 500), 10, 20, 0.001m), CancellationToken.None);
        await Results.MarkAnswerPostedAsync(running.Id, prompt, model, CancellationToken.None);

        var stored = (await Intake.GetAsync(running.Id, CancellationToken.None))!;
        Assert.Equal(StoredText.NameLength, stored.CancelRequestedBy!.Length);
        Assert.Equal(StoredText.LanguageLength, stored.Language!.Length);
        var answer = Assert.Single(await Results.GetAnswersAsync(running.Id, CancellationToken.None));
        Assert.True(answer.Posted);
        var succeeded = Assert.IsType<ModelOutcome.Succeeded>(answer.Outcome);
        Assert.Equal((StoredText.PromptLength, StoredText.NameLength, StoredText.NameLength),
            (succeeded.Prompt.Length, succeeded.Model.Length, succeeded.ServedBy!.Length));
    }
}

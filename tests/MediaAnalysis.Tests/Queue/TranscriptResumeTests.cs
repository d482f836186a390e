using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Queue;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Queue;

// Timed, diarized transcripts through a whole job: the language chosen, the file's blocks, the models' labels and
// instruction, the citation check, and resume from a stored transcript with paragraphs or (an old row) without.
[Collection(MediaCollection.Name)]
public sealed class TranscriptResumeTests(MediaFiles media)
{
    // Twelve sentences: three paragraphs of the fake's five, so two voices take turns.
    private static string Speech(double seconds) =>
        string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Satz Nummer {i} ist hier."));

    [Fact]
    public async Task A_job_in_a_chosen_language_gets_speakers_labels_the_language_by_name_and_marked_invented_moments()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        outside.Deepgram.SpokenLanguage = "de";
        outside.Deepgram.TranscriptFor = Speech;
        outside.OpenRouter.AnswerFor = _ => "Start [0:01]. Invented [41:10].";
        await using var q = await QueueHarness.StartAsync(outside);

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k") with { Language = "de" }, CancellationToken.None);
        var job = await q.WaitForEndAsync(result.Job!.Id);

        Assert.Equal(JobState.Done, job.State);
        var query = Assert.Single(outside.Deepgram.Requests).Query;
        Assert.Equal(("de", "true", "true"), (query["language"], query["diarize"], query["paragraphs"]));
        Assert.False(query.ContainsKey("detect_language"));
        var file = Assert.Single(q.Replier.Transcripts);
        Assert.Contains("Language: German (chosen)\nSpeakers: 2\n", file, StringComparison.Ordinal);
        Assert.Contains("[0:00] Speaker 1: Satz Nummer 1 ist hier.", file, StringComparison.Ordinal);
        Assert.Contains("] Speaker 2: Satz Nummer 6 ist hier.", file, StringComparison.Ordinal);
        Assert.All(outside.OpenRouter.Requests, r =>
        {
            Assert.Contains("Answer in German.", r.Messages[0].Content, StringComparison.Ordinal);
            Assert.Contains("[0:00] S1: Satz Nummer 1", r.Messages[1].Content, StringComparison.Ordinal);
            Assert.Contains("] S2: Satz Nummer 6", r.Messages[1].Content, StringComparison.Ordinal);
        });
        var answers = await q.Store.GetAnswersAsync(job.Id, CancellationToken.None);
        Assert.Equal(6, answers.Count);
        Assert.All(answers, a => Assert.Equal("Start [0:01]. Invented [41:10 ⚠ no such moment].", ((ModelOutcome.Succeeded)a.Outcome).Answer));
        Assert.Contains(q.Replier.StatusesOf(job.Id), s => s is { Language: "de", LanguageChosen: true });
    }

    [Fact]
    public async Task Speech_in_another_language_than_the_one_chosen_ends_with_the_no_words_message()
    {
        await using var outside = await PipelineHarness.StartAsync();
        outside.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        await using var q = await QueueHarness.StartAsync(outside);

        var (result, _) = await q.Queue.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/v.mp4"), "A", "k") with { Language = "ja" }, CancellationToken.None);
        var job = await q.WaitForEndAsync(result.Job!.Id);

        Assert.Equal((JobState.Failed, JobStages.NoWords), (job.State, job.Note));
        Assert.Empty(outside.OpenRouter.Requests);
    }

    [Fact]
    public async Task A_stored_structured_transcript_is_reused_on_resume_with_its_labels()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var store = await OpenStoreAsync(outside);
        var job = (await store.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/gone.mp4"), "A", "k"), 5, DateTimeOffset.UtcNow, CancellationToken.None)).Job!;
        TranscriptParagraph[] paragraphs = [new(3, 20, 1, "Kept words."), new(724.3, 741, 2, "Second voice.")];
        await store.SaveTranscriptAsync(job.Id, "Kept words. Second voice.", "en", TranscriptDocument.Write(paragraphs, false), CancellationToken.None);

        await using var q = await QueueHarness.StartAsync(outside);
        var done = await q.WaitForEndAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Empty(outside.Deepgram.Requests);
        Assert.Contains("[0:03] Speaker 1: Kept words.\n\n[12:04] Speaker 2: Second voice.", Assert.Single(q.Replier.Transcripts), StringComparison.Ordinal);
        Assert.All(outside.OpenRouter.Requests, r =>
            Assert.Contains("[0:03] S1: Kept words.\n[12:04] S2: Second voice.", r.Messages[1].Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_old_row_with_a_plain_transcript_still_resumes()
    {
        await using var outside = await PipelineHarness.StartAsync();
        var store = await OpenStoreAsync(outside);
        var job = (await store.EnqueueAsync(QueueHarness.Request(outside.FileUrl("/gone.mp4"), "A", "k"), 5, DateTimeOffset.UtcNow, CancellationToken.None)).Job!;
        await store.SaveTranscriptAsync(job.Id, "plain kept words", "en", null, CancellationToken.None);

        await using var q = await QueueHarness.StartAsync(outside);
        var done = await q.WaitForEndAsync(job.Id);

        Assert.Equal(JobState.Done, done.State);
        Assert.Empty(outside.Deepgram.Requests);
        Assert.Contains("plain kept words", Assert.Single(q.Replier.Transcripts), StringComparison.Ordinal);
        Assert.All(outside.OpenRouter.Requests, r => Assert.Contains("plain kept words", r.Messages[1].Content, StringComparison.Ordinal));
    }

    private static async Task<SqliteJobStore> OpenStoreAsync(PipelineHarness outside)
    {
        var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = $"Data Source={QueueHarness.DatabasePath(outside)}" }),
            NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}

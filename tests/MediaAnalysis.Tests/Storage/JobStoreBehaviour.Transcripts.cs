using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

public abstract partial class JobStoreBehaviour
{
    [Fact]
    public async Task The_structured_transcript_and_the_chosen_language_are_kept_for_a_resume()
    {
        var request = Request("A", "de") with { Language = "de" };
        var job = (await Intake.EnqueueAsync(request, 10, T0, CancellationToken.None)).Job!;
        Assert.Equal("de", job.RequestedLanguage);
        TranscriptParagraph[] paragraphs = [new(1.25, 9.5, 1, "Guten Tag."), new(724.3, 741, 2, "Hallo, „Zürich“ \"quoted\".")];
        var document = TranscriptDocument.Write(paragraphs, languageChosen: true);

        await Results.SaveTranscriptAsync(job.Id, "Guten Tag. Hallo.", "de", document, CancellationToken.None);
        var read = (await Intake.GetAsync(job.Id, CancellationToken.None))!;

        Assert.Equal(("Guten Tag. Hallo.", "de", "de"), (read.Transcript, read.Language, read.RequestedLanguage));
        Assert.Equal(document, read.TranscriptParagraphs);
        Assert.Equal(paragraphs, TranscriptDocument.Read(read.TranscriptParagraphs).Paragraphs);
    }

    [Fact]
    public async Task A_plain_transcript_without_paragraphs_is_kept_as_before()
    {
        var job = await Enqueue("A", "plain");

        await Results.SaveTranscriptAsync(job.Id, "just words", "en", null, CancellationToken.None);
        var read = (await Intake.GetAsync(job.Id, CancellationToken.None))!;

        Assert.Equal(("just words", "en"), (read.Transcript, read.Language));
        Assert.Null(read.TranscriptParagraphs);
        Assert.Null(read.RequestedLanguage);
    }
}

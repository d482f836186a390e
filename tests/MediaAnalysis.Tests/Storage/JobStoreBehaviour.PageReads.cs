using System.Text;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Storage;

// The results page reads a job's row without its transcript's text and streams that text from the store.
public abstract partial class JobStoreBehaviour
{
    [StoreFact]
    public async Task A_page_lookup_leaves_the_transcript_out_and_the_transcript_streams_as_stored()
    {
        var job = await Enqueue("A", "stream");
        var token = PageToken.New();
        await Results.SetPageTokenAsync(job.Id, token, CancellationToken.None);
        var found = (await Results.FindByPageTokenHashAsync(PageToken.Hash(token), CancellationToken.None))!;
        Assert.Null(await Results.OpenTranscriptAsync(job.Id, paragraphs: true, CancellationToken.None));
        Assert.Null(await Results.OpenTranscriptAsync(job.Id, paragraphs: false, CancellationToken.None));
        Assert.Equal((null, null), (found.Transcript, found.TranscriptParagraphs));

        TranscriptParagraph[] paragraphs = [.. Enumerable.Range(0, 400).Select(i => new TranscriptParagraph(i * 20, (i * 20) + 19, (i % 3) + 1, $"Absatz {i}: „Zürich“ 会議 😀 " + new string('x', i)))];
        var document = TranscriptDocument.Write(paragraphs, languageChosen: false);
        await Results.SaveTranscriptAsync(job.Id, "plain words „quoted“", "de", document, CancellationToken.None);

        found = (await Results.FindByPageTokenHashAsync(PageToken.Hash(token), CancellationToken.None))!;
        Assert.Equal(("", ""), (found.Transcript, found.TranscriptParagraphs));
        Assert.Equal(job.Id, found.Id);
        Assert.Equal(document, await ReadAllAsync(job.Id, paragraphs: true));
        Assert.Equal("plain words „quoted“", await ReadAllAsync(job.Id, paragraphs: false));
        await using var stream = (await Results.OpenTranscriptAsync(job.Id, paragraphs: true, CancellationToken.None))!;
        Assert.Equal(paragraphs, await TranscriptDocumentReader.ReadAsync(stream, CancellationToken.None).ToListAsync());
    }

    private async Task<string> ReadAllAsync(string jobId, bool paragraphs)
    {
        await using var stream = (await Results.OpenTranscriptAsync(jobId, paragraphs, CancellationToken.None))!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}

using System.Text;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Tests.Jobs;

// The stored transcript read paragraph by paragraph from a stream: the same paragraphs as reading it whole, however
// the bytes arrive (a byte at a time, split inside a character), a paragraph longer than the buffer included.
public sealed class TranscriptDocumentReaderTests
{
    private static readonly TranscriptParagraph[] Paragraphs =
    [
        new(0, 9.5, 1, "Hello „there“ \"quoted\" \\ back\\slash\nnew line."),
        new(10, 19.25, null, "会議の要約 😀 emoji and CJK."),
        new(20, 4000, 2, string.Concat(Enumerable.Repeat("A very long paragraph 😀. ", 3000))),
        new(4000.5, 4010, 12, ""),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task It_reads_what_reading_the_document_whole_reads(int piece)
    {
        var document = TranscriptDocument.Write(Paragraphs, languageChosen: true);

        var read = await ReadAsync(document, piece);

        Assert.Equal(TranscriptDocument.Read(document).Paragraphs, read);
        Assert.Equal(Paragraphs, read);
    }

    [Fact]
    public async Task A_document_with_other_fields_first_or_none_at_all_still_reads()
    {
        Assert.Equal([new TranscriptParagraph(1, 2, null, "a")], await ReadAsync("""{"x":{"y":[1,{"p":[]}]},"v":1,"p":[[1,2,null,"a"]],"z":3}""", 3));
        Assert.Empty(await ReadAsync("""{"v":1}""", 2));
        Assert.Empty(await ReadAsync("", 2));
    }

    [Fact]
    public async Task A_damaged_document_ends_where_the_damage_starts()
    {
        Assert.Equal([new TranscriptParagraph(1, 2, null, "a")], await ReadAsync("""{"p":[[1,2,null,"a"],[1]]}""", 5));
        Assert.Equal([new TranscriptParagraph(1, 2, null, "a")], await ReadAsync("""{"p":[[1,2,null,"a"],[3,4,null,"b""", 5));
        Assert.Empty(await ReadAsync("""["p"]""", 5));
        Assert.Empty(await ReadAsync("""{"p":[["x",2,null,"a"]]}""", 5));
    }

    private static async Task<List<TranscriptParagraph>> ReadAsync(string document, int piece)
    {
        await using var stream = new Trickle(Encoding.UTF8.GetBytes(document), piece);
        return await TranscriptDocumentReader.ReadAsync(stream, CancellationToken.None).ToListAsync();
    }

    // Gives at most `piece` bytes a read, as a network or a blob may.
    private sealed class Trickle(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;

namespace MediaAnalysis.Tests.Pipeline;

public sealed class CitationCheckTests
{
    // Speech at 0:10-1:00 and 10:00-10:40, then nothing until the end at 12:00.
    private static readonly TranscriptParagraph[] Paragraphs = [new(10, 60, 1, "a"), new(600, 640, 2, "b")];

    [Theory]
    [InlineData("As said [0:42], and again [10:05].")]
    [InlineData("Range [0:15-0:50] and [10:00–10:30].")]
    [InlineData("Just before it [0:00], just after [11:10].")]
    [InlineData("No citations at all, and [not a time], [12] or [5:7].")]
    public void Honest_citations_stay_as_they_are(string answer)
    {
        Assert.Equal((answer, 0), CitationCheck.Apply(answer, Paragraphs, 720));
    }

    [Fact]
    public void A_moment_past_the_end_is_marked()
    {
        var (text, unfound) = CitationCheck.Apply("The ending [41:10] and the hour [1:02:03].", Paragraphs, 720);

        Assert.Equal("The ending [41:10 ⚠ no such moment] and the hour [1:02:03 ⚠ no such moment].", text);
        Assert.Equal(2, unfound);
    }

    [Fact]
    public void A_moment_between_paragraphs_with_none_within_30_seconds_is_marked_and_a_range_by_its_start()
    {
        var (text, unfound) = CitationCheck.Apply("Quiet part [5:00], then [4:00-10:10].", Paragraphs, 720);

        Assert.Equal("Quiet part [5:00 ⚠ no such moment], then [4:00-10:10 ⚠ no such moment].", text);
        Assert.Equal(2, unfound);
    }

    [Fact]
    public void Without_paragraphs_nothing_is_checked()
    {
        Assert.Equal(("[41:10]", 0), CitationCheck.Apply("[41:10]", [], 720));
    }
}

using MediaAnalysis.Pipeline.Analysis;

namespace MediaAnalysis.Tests.Pipeline;

// Issue 12 item 6: the default prompts ask for Markdown both platforms render.
public sealed class DefaultPromptsTests
{
    [Fact]
    public void Every_default_prompt_asks_for_markdown_without_tables_and_with_small_headings()
    {
        Assert.All(AnalysisDefaults.Prompts, p =>
        {
            Assert.Contains("no tables", p.System, StringComparison.Ordinal);
            Assert.Contains("headings ### at most", p.System, StringComparison.Ordinal);
        });
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Questions;

namespace MediaAnalysis.Tests.Pipeline;

// The answers' titles in a question's prompt: each answer's first heading, else its first line; all of them only
// when they fit QuestionTitles.Budget, never the panel verdict nor a failed call.
public sealed class QuestionTitlesTests
{
    [Theory]
    [InlineData("Intro line\n\n## Decisions\n- May", "Decisions")]
    [InlineData("\n\n**They agreed on May.** More text", "They agreed on May. More text")]
    [InlineData("- first bullet\n- second", "first bullet")]
    [InlineData("", "")]
    public void A_title_is_the_first_heading_else_the_first_line(string answer, string title) =>
        Assert.Equal(title, QuestionTitles.Title(answer));

    [Fact]
    public void Titles_that_fit_go_in_whole_and_the_verdict_and_failures_do_not()
    {
        var block = QuestionTitles.Block(
        [
            Answer("Summary", "m/one", "# The launch moves to May"),
            Answer("Review", "m/two", "Weak points: pricing"),
            new ModelOutcome.Failed("Summary", "m/three", TimeSpan.Zero, 1, "timeout", 504),
            Answer(PanelVerdict.Prompt, "m/one", """{"agreements":[]}"""),
        ]);

        Assert.Equal("The answers already posted in the thread, by their titles:\n- Summary (m/one): The launch moves to May\n- Review (m/two): Weak points: pricing", block);
    }

    [Fact]
    public void Titles_that_do_not_fit_the_budget_are_left_out_entirely()
    {
        var six = Enumerable.Range(1, 6).Select(i => Answer($"Prompt {i} {new string('p', 100)}", $"vendor/model-{i}-{new string('m', 100)}", new string('t', 140)));

        Assert.Null(QuestionTitles.Block(six));
        Assert.NotNull(QuestionTitles.Block(six.Take(2)));
    }

    private static ModelOutcome.Succeeded Answer(string prompt, string model, string text) =>
        new(prompt, model, TimeSpan.FromSeconds(1), 1, text, model, 10, 10, 0.001m);
}

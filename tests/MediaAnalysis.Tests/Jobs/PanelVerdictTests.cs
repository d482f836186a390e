using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Chat.Slack.Rendering;
using MediaAnalysis.Jobs;
using MediaAnalysis.Tests.Chat.Slack;

namespace MediaAnalysis.Tests.Jobs;

public sealed class PanelVerdictTests
{
    private const string Valid = """
        {"agreements":["The launch moves to May."],
         "disagreements":[{"topic":"Who owns pricing","positions":[{"model":"vendor-a/model-1","text":"Ana"},{"model":"vendor-b/model-2","text":"Ben"}]}],
         "unique_points":[{"model":"vendor-c/model-3","text":"The budget was never named."}]}
        """;

    [Fact]
    public void A_valid_document_is_read_and_written_back_the_same()
    {
        var verdict = PanelVerdictJson.TryRead(Valid)!;

        Assert.Equal("The launch moves to May.", Assert.Single(verdict.Agreements));
        Assert.Equal(["vendor-a/model-1", "vendor-b/model-2"], Assert.Single(verdict.Disagreements).Positions.Select(p => p.Model));
        Assert.Equal(verdict, PanelVerdictJson.TryRead(PanelVerdictJson.Write(verdict)), new VerdictComparer());
        Assert.NotNull(PanelVerdictJson.TryRead("```json\n" + Valid + "\n```"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("They mostly agree.")]
    [InlineData("[]")]
    [InlineData("""{"agreements":[],"disagreements":[]}""")]
    [InlineData("""{"agreements":"yes","disagreements":[],"unique_points":[]}""")]
    [InlineData("""{"agreements":[""],"disagreements":[],"unique_points":[]}""")]
    [InlineData("""{"agreements":[],"disagreements":[],"unique_points":[],"extra":1}""")]
    [InlineData("""{"agreements":[],"disagreements":[{"topic":"t","positions":[{"model":"a","text":"one side"}]}],"unique_points":[]}""")]
    [InlineData("""{"agreements":[],"disagreements":[],"unique_points":[{"model":"","text":"x"}]}""")]
    [InlineData("""{"agreements":[],"disagreements":[],"unique_points":[{"model":"a","text":"x"}""")]
    public void An_invalid_document_is_refused(string json) => Assert.Null(PanelVerdictJson.TryRead(json));

    [Fact]
    public void Discord_and_Slack_render_the_three_parts_naming_the_models_and_the_cost()
    {
        var outcome = new ModelOutcome.Succeeded(PanelVerdict.Prompt, "vendor-a/model-1", TimeSpan.FromSeconds(2), 1, Valid, null, 900, 120, 0.0021m);

        var discord = Assert.Single(DiscordVerdictRenderer.Verdict(outcome).Embeds!);
        Assert.Equal(DiscordVerdictRenderer.VerdictTitle, discord.Title);
        Assert.Contains("◦ **model-2**: Ben", discord.Description, StringComparison.Ordinal);
        Assert.Contains("**model-3**: The budget was never named.", discord.Description, StringComparison.Ordinal);
        Assert.Contains("$0.0021", discord.Footer!.Text, StringComparison.Ordinal);

        var slack = SlackVerdictRenderer.Verdict(outcome);
        RenderedMessage.AssertAcceptable(slack);
        Assert.Contains("*Where they differ*", RenderedMessage.SectionText(slack), StringComparison.Ordinal);
        Assert.Contains("*model-1*: Ana", RenderedMessage.SectionText(slack), StringComparison.Ordinal);
        Assert.Contains("$0.0021", RenderedMessage.ContextText(slack), StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_verdict_is_one_line_on_both_platforms()
    {
        var skipped = new ModelOutcome.Failed(PanelVerdict.Prompt, "m", TimeSpan.Zero, 0, "Fewer than two answers came back, so there is no panel verdict.", null);

        var discord = DiscordVerdictRenderer.Verdict(skipped);
        Assert.Null(discord.Embeds);
        Assert.Equal("⚖️ Fewer than two answers came back, so there is no panel verdict.", discord.Content);
        var slack = SlackVerdictRenderer.Verdict(skipped);
        RenderedMessage.AssertAcceptable(slack);
        Assert.Contains("Fewer than two answers came back", slack.Text, StringComparison.Ordinal);
    }

    private sealed class VerdictComparer : IEqualityComparer<PanelVerdict?>
    {
        public bool Equals(PanelVerdict? x, PanelVerdict? y) =>
            x is not null && y is not null && PanelVerdictJson.Write(x) == PanelVerdictJson.Write(y);

        public int GetHashCode(PanelVerdict? obj) => 0;
    }
}

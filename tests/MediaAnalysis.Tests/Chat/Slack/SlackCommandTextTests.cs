using MediaAnalysis.Chat.Slack.Inbound;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackCommandTextTests
{
    [Theory]
    [InlineData("", "", null)]
    [InlineData("de", "", "de")]
    [InlineData("German", "", "de")]
    [InlineData("pt-br", "", "pt-BR")]
    [InlineData("detect", "", null)]
    [InlineData("<https://x.slack.com/archives/C1/p1712345600000100>", "<https://x.slack.com/archives/C1/p1712345600000100>", null)]
    [InlineData("<https://x.slack.com/archives/C1/p1712345600000100> german", "<https://x.slack.com/archives/C1/p1712345600000100>", "de")]
    public void A_last_word_that_is_no_link_is_the_language(string text, string link, string? language)
    {
        Assert.Equal((link, language, (string?)null), SlackCommandText.Split(text));
    }

    [Fact]
    public void Anything_else_is_refused_with_what_works()
    {
        var (_, language, refusal) = SlackCommandText.Split("<https://x.slack.com/archives/C1/p1> Elvish");

        Assert.Null(language);
        Assert.Contains("“Elvish” is not a language", refusal, StringComparison.Ordinal);
        Assert.Contains("de (German)", refusal, StringComparison.Ordinal);
    }
}

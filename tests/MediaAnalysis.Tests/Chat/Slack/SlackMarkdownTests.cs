using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackMarkdownTests
{
    [Theory]
    [InlineData("**bold** and __also bold__", "*bold* and *also bold*")]
    [InlineData("*italic* and _italic_", "_italic_ and _italic_")]
    [InlineData("~~gone~~", "~gone~")]
    [InlineData("# Title", "*Title*")]
    [InlineData("### **Key points** ###", "*Key points*")]
    [InlineData("- one\n* two\n  + nested", "• one\n• two\n  • nested")]
    [InlineData("1. first\n2. second", "1. first\n2. second")]
    [InlineData("See [the docs](https://example.com/a?b=1&c=2).", "See <https://example.com/a?b=1&amp;c=2|the docs>.")]
    [InlineData("![chart](https://example.com/c.png)", "<https://example.com/c.png|chart>")]
    [InlineData("[**bold link**](https://example.com)", "<https://example.com|bold link>")]
    [InlineData("[a|b](https://example.com)", "<https://example.com|a¦b>")]
    [InlineData("<https://example.com/x>", "<https://example.com/x>")]
    [InlineData("[not a link](javascript:alert(1))", "[not a link](javascript:alert(1))")]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("<!channel> <@U123> <#C1>", "&lt;!channel&gt; &lt;@U123&gt; &lt;#C1&gt;")]
    [InlineData("> quoted **text**", "> quoted *text*")]
    [InlineData("---", "──────────")]
    [InlineData("`**not bold** <x>`", "`**not bold** &lt;x&gt;`")]
    [InlineData("```python\nprint(\"**x**\" < 2)\n```", "```\nprint(\"**x**\" &lt; 2)\n```")]
    [InlineData("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4")]
    [InlineData("https://example.com/a_b_c?x=**y**", "https://example.com/a_b_c?x=*y*")]
    [InlineData("line one\r\nline two", "line one\nline two")]
    public void Common_markdown_becomes_slack_mrkdwn(string markdown, string mrkdwn) =>
        Assert.Equal(mrkdwn, SlackMarkdown.ToMrkdwn(markdown));

    [Fact]
    public void Placeholder_control_characters_in_the_input_cannot_forge_links()
    {
        var converted = SlackMarkdown.ToMrkdwn("\u00020\u0003 [a](https://example.com)");

        Assert.Equal("0 <https://example.com|a>", converted);
    }
}

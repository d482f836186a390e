using MediaAnalysis.Chat.Slack.Inbound;

namespace MediaAnalysis.Tests.Chat.Slack;

public sealed class SlackMessageLinkTests
{
    [Theory]
    [InlineData("https://acme.slack.com/archives/C0123ABCD/p1712345678000100", "C0123ABCD", "1712345678.000100", null)]
    [InlineData("<https://acme.slack.com/archives/C0123ABCD/p1712345678000100>", "C0123ABCD", "1712345678.000100", null)]
    [InlineData("look at https://acme.enterprise.slack.com/archives/G0PRIVATE/p1712345679000200?thread_ts=1712345600.000100&cid=G0PRIVATE please",
        "G0PRIVATE", "1712345679.000200", "1712345600.000100")]
    [InlineData("https://acme.slack.com/archives/C0123ABCD/p1712345678000100?cid=C0123ABCD&thread_ts=1712345600.000100", "C0123ABCD", "1712345678.000100", "1712345600.000100")]
    public void A_message_link_gives_channel_and_ts(string text, string channel, string ts, string? threadTs)
    {
        Assert.True(SlackMessageLink.TryParse(text, out var c, out var t, out var thread));

        Assert.Equal((channel, ts, threadTs), (c, t, thread));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("please analyze")]
    [InlineData("https://evil.example.com/archives/C0123ABCD/p1712345678000100")]
    [InlineData("https://acme.slack.com/files/U1/F123/video.mp4")]
    public void Anything_else_is_not_a_link(string? text) =>
        Assert.False(SlackMessageLink.TryParse(text, out _, out _, out _));
}

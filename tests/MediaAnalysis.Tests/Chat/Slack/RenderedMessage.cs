using System.Text.Json;
using MediaAnalysis.Chat.Slack;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Tests.Chat.Slack;

// A rendered message as Slack would receive it, checked against Slack's limits.
internal static class RenderedMessage
{
    public static JsonElement Blocks(SlackMessageContent content) =>
        JsonSerializer.SerializeToElement(content.Blocks, SlackJsonContext.Default.IReadOnlyListBlock);

    public static void AssertAcceptable(SlackMessageContent content)
    {
        Assert.Empty(FakeSlackBlockRules.Check(content.Text, Blocks(content)));
        Assert.InRange(content.Text.Length, 1, SlackLimits.FallbackText);
    }

    public static string SectionText(SlackMessageContent content) =>
        string.Join("\n", content.Blocks.OfType<SectionBlock>().Select(s => s.Text.Text));

    public static string ContextText(SlackMessageContent content) =>
        string.Join("\n", content.Blocks.OfType<ContextBlock>().SelectMany(c => c.Elements).Select(e => e.Text));
}

using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Rendering;

// Pure functions from platform-neutral job state to Block Kit messages, always within Slack's limits
// (SlackLimits) whatever the input. Names people chose are escaped; model answers are converted from Markdown.
public static partial class SlackRenderer
{
    public const string CancelActionId = "cancel_job";

    private const int MaxFileName = 100;

    // A one-block message, e.g. for chat.postEphemeral or a response_url.
    public static SlackMessageContent Notice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = SlackText.EscapeClip(text.Trim(), SlackLimits.SectionText);
        return new SlackMessageContent(SlackText.EscapeClip(text.Trim(), SlackLimits.FallbackText), [Section(body.Length == 0 ? "\u200B" : body)]);
    }

    // "会议.mp4" → "会议.transcript.txt": see UploadFileNames; at most 100 bytes of UTF-8.
    public static string TranscriptFileName(string sourceName) => UploadFileNames.Transcript(sourceName, MaxFileName);

    // The job id back from a block_actions payload, or null when the click was for something else.
    public static string? CancelledJobId(BlockAction? action) =>
        action is { ActionId: CancelActionId, Value: { Length: > 0 } jobId } ? jobId : null;

    internal static SectionBlock Section(string mrkdwn) => new() { Text = TextObject.Markdown(mrkdwn) };

    internal static ContextBlock Context(params IReadOnlyList<string> mrkdwn) =>
        new() { Elements = [.. mrkdwn.Take(SlackLimits.ContextElements).Select(t => TextObject.Markdown(TextClip.Clip(t, SlackLimits.SectionText)))] };
}

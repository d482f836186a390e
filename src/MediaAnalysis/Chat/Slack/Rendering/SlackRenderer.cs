using System.Text;
using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Rendering;

// Pure functions from platform-neutral job state to Block Kit messages, always within Slack's limits
// (SlackLimits) whatever the input. Names people chose are escaped; model answers are converted from Markdown.
public static partial class SlackRenderer
{
    public const string CancelActionId = "cancel_job";

    private const string TranscriptSuffix = ".transcript.txt";
    private const int MaxFileName = 100;

    // A one-block message, e.g. for chat.postEphemeral or a response_url.
    public static SlackMessageContent Notice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = SlackText.EscapeClip(text.Trim(), SlackLimits.SectionText);
        return new SlackMessageContent(SlackText.EscapeClip(text.Trim(), SlackLimits.FallbackText), [Section(body.Length == 0 ? "\u200B" : body)]);
    }

    // "standup.mp4" → "standup.transcript.txt": letters, digits, '.', '-', '_' only, at most 100 characters.
    public static string TranscriptFileName(string sourceName)
    {
        var name = sourceName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            var safe = char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_';
            if (safe != '_' || builder.Length == 0 || builder[^1] != '_')
            {
                builder.Append(safe);
            }
        }
        var cleaned = builder.ToString().Trim('.', '_', '-');
        var max = MaxFileName - TranscriptSuffix.Length;
        if (cleaned.Length > max)
        {
            cleaned = cleaned[..TextClip.GraphemeBoundaryAtOrBefore(cleaned, 0, max)].TrimEnd('.', '_', '-');
        }
        return (cleaned.Length == 0 ? "video" : cleaned) + TranscriptSuffix;
    }

    // The job id back from a block_actions payload, or null when the click was for something else.
    public static string? CancelledJobId(BlockAction? action) =>
        action is { ActionId: CancelActionId, Value: { Length: > 0 } jobId } ? jobId : null;

    private static SectionBlock Section(string mrkdwn) => new() { Text = TextObject.Markdown(mrkdwn) };

    private static ContextBlock Context(params IReadOnlyList<string> mrkdwn) =>
        new() { Elements = [.. mrkdwn.Take(SlackLimits.ContextElements).Select(t => TextObject.Markdown(TextClip.Clip(t, SlackLimits.SectionText)))] };
}

using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Rendering;

public static partial class SlackRenderer
{
    private const int MaxName = 100;
    private const int MaxNote = 500;

    // The one status message: a section with the source and the stages, one line per prompt with a mark per model,
    // a context line with the queue place or where the answers are and the cost, and a red Cancel button while the
    // job can still be cancelled (an update without it removes it).
    public static SlackMessageContent Status(JobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.DeletedBy is { } by)
        {
            // Only the header and who deleted it: no buttons.
            var deleted = TextClip.Clip($"{Header(status)}\n{StatusText.Deleted(by)}", SlackLimits.SectionText);
            return new SlackMessageContent(TextClip.Clip(StatusText.Deleted(by), SlackLimits.FallbackText), [Section(deleted)]);
        }
        var section = "";
        // Shorter and shorter call details until it fits; a hard clip is the last resort.
        foreach (var detail in (ReadOnlySpan<int>)[0, 1, 2])
        {
            section = string.Join('\n', StatusLines(status, detail));
            if (section.Length <= SlackLimits.SectionText)
            {
                break;
            }
        }
        var blocks = new List<Block> { Section(TextClip.Clip(section, SlackLimits.SectionText)) };
        if (ContextParts(status) is { Count: > 0 } parts)
        {
            blocks.Add(Context(string.Join(" · ", parts)));
        }
        if (SlackStatusButtons.For(status) is { Count: > 0 } buttons)
        {
            blocks.Add(new ActionsBlock { Elements = buttons });
        }
        return new SlackMessageContent(TextClip.Clip(SlackFallbackLine.Of(status), SlackLimits.FallbackText), blocks);
    }

    private static IEnumerable<string> StatusLines(JobStatus status, int detail)
    {
        yield return Header(status);
        if (status.State == JobState.Queued)
        {
            yield return QueueLine(status);
        }
        else if (StatusText.Stages(status, d => SlackText.Name(d, MaxName)) is { } stages)
        {
            yield return stages;
        }
        foreach (var line in CallLines(status, detail))
        {
            yield return line;
        }
        var note = string.IsNullOrWhiteSpace(status.Note) ? null : SlackText.Note(status.Note, MaxNote);
        if (StatusText.End(status.State, note) is { } end)
        {
            yield return end;
        }
    }

    private static string Header(JobStatus status)
    {
        var parts = new List<string> { $"🎬 *{SlackText.Name(status.SourceName, MaxName)}*" };
        if (status.SizeBytes is { } size)
        {
            parts.Add(Format.Bytes(size));
        }
        if (status.MediaDuration is { } duration)
        {
            parts.Add($"{Format.Duration(duration)} of audio");
        }
        parts.Add($"asked by {SlackText.Mention(status.RequesterId)}");
        return string.Join(" · ", parts);
    }

    private static string QueueLine(JobStatus status) => StatusText.QueuePlace(status.QueuePosition, "workspace");

    // detail 0: every call with model and time; 1: shorter reasons, no times; 2: counts per prompt only.
    private static IEnumerable<string> CallLines(JobStatus status, int detail)
    {
        if (!StatusText.ShowsCalls(status))
        {
            yield break;
        }
        yield return $"*{StatusText.CallsTitle(status)}*";
        foreach (var group in StatusText.ReasonsOnce(status.Calls).GroupBy(c => c.Prompt))
        {
            yield return $"• {PromptLine(group.Key, [.. group], status.State == JobState.Running, detail)}";
        }
    }

    private static string PromptLine(string prompt, IReadOnlyList<CallMark> calls, bool running, int detail)
    {
        var name = $"*{SlackText.Name(prompt, 60)}*";
        if (detail >= 2)
        {
            return $"{name} {StatusText.Counts(calls)}";
        }
        var marks = calls.Select(c => StatusText.Mark(c, SlackText.Name(SlackText.ShortModel(c.Model), 60), running, detail, SlackText.Name));
        return $"{name} {string.Join(" · ", marks)}";
    }

    private static List<string> ContextParts(JobStatus status)
    {
        var parts = new List<string>();
        if (status.State == JobState.Queued)
        {
            parts.Add(status.QueuePosition is { } n ? $"{StatusText.Ordinal(n)} in line" : "waiting for a free worker");
            if (status.EstimatedWait is { } wait)
            {
                parts.Add(StatusText.Wait(wait));
            }
        }
        if (StatusText.ShowsAnswers(status))
        {
            parts.Add("💬 Answers in this thread · transcript attached");
        }
        if (status.TotalCost is { } cost)
        {
            parts.Add($"total {Format.Cost(cost)}");
        }
        return parts;
    }
}

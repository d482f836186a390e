using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Rendering;

public static partial class DiscordRenderer
{
    private const int MaxName = 100;
    private const int MaxNote = 500;

    // The one status message, as plain content with a Cancel button while the job can be cancelled.
    // threadId: where the answers go ("in <#thread>"); null means "below" (no thread could be made).
    public static MessageBody Status(JobStatus status, string? threadId = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.DeletedBy is { } by)
        {
            // Only the header and who deleted it; an empty list removes every button.
            return new MessageBody
            {
                Content = TextClip.Clip($"{Header(status)}\n{StatusText.Deleted(by)}", DiscordLimits.Content),
                Components = [],
                AllowedMentions = AllowedMentions.None,
            };
        }
        var content = "";
        // Shorter and shorter call details until it fits; a hard clip is the last resort.
        foreach (var detail in (ReadOnlySpan<int>)[0, 1, 2])
        {
            content = string.Join('\n', StatusLines(status, threadId, detail));
            if (content.Length <= DiscordLimits.Content)
            {
                break;
            }
        }
        var cancelId = CancelPrefix + status.JobId;
        return new MessageBody
        {
            Content = TextClip.Clip(content, DiscordLimits.Content),
            // An empty list removes the button on the edit that ends the job.
            Components = DiscordStatusButtons.For(status, cancelId, threadId is not null) is { Count: > 0 } buttons ? [Component.Row(buttons)] : [],
            AllowedMentions = AllowedMentions.None,
        };
    }

    private static IEnumerable<string> StatusLines(JobStatus status, string? threadId, int detail)
    {
        yield return Header(status);
        if (status.State == JobState.Queued)
        {
            yield return QueueLine(status);
        }
        else if (StatusText.Stages(status, DiscordText.EscapeMarkdown) is { } stages)
        {
            yield return stages;
        }
        if (CallsLine(status, detail) is { } calls)
        {
            yield return calls;
        }
        var note = string.IsNullOrWhiteSpace(status.Note) ? null : DiscordText.EscapeMarkdown(TextClip.Clip(status.Note.Trim(), MaxNote));
        if (StatusText.ShowsAnswers(status))
        {
            var where = threadId is null ? "below" : $"in <#{threadId}>";
            var cost = status.TotalCost is { } total ? $" · total {Format.Cost(total)}" : "";
            yield return $"💬 Answers {where} · transcript attached{cost}";
        }
        if (StatusText.End(status.State, note) is { } end)
        {
            yield return end;
        }
    }

    private static string Header(JobStatus status)
    {
        var parts = new List<string> { $"🎬 **{DiscordText.EscapeMarkdown(TextClip.Clip(status.SourceName, MaxName))}**" };
        if (status.SizeBytes is { } size)
        {
            parts.Add(Format.Bytes(size));
        }
        if (status.MediaDuration is { } duration)
        {
            parts.Add($"{Format.Duration(duration)} of audio");
        }
        var asker = status.RequesterId.Length is > 0 and <= 20 && status.RequesterId.All(char.IsAsciiDigit)
            ? $"<@{status.RequesterId}>"
            : DiscordText.EscapeMarkdown(TextClip.Clip(status.RequesterId, MaxName));
        parts.Add($"asked by {asker}");
        return string.Join(" · ", parts);
    }

    private static string QueueLine(JobStatus status)
    {
        var place = StatusText.QueuePlace(status.QueuePosition, "server");
        return status.EstimatedWait is { } wait ? $"{place} ({StatusText.Wait(wait)})" : place;
    }

    // detail 0: every call with model and time; 1: shorter reasons, no times; 2: counts per prompt only.
    private static string? CallsLine(JobStatus status, int detail)
    {
        if (!StatusText.ShowsCalls(status))
        {
            return null;
        }
        var groups = StatusText.ReasonsOnce(status.Calls).GroupBy(c => c.Prompt).Select(g => GroupText(g.Key, [.. g], status.State == JobState.Running, detail));
        return $"{StatusText.CallsTitle(status)}: {string.Join(" · ", groups)}";
    }

    private static string GroupText(string prompt, IReadOnlyList<CallMark> calls, bool running, int detail)
    {
        var name = DiscordText.EscapeMarkdown(TextClip.Clip(prompt, 60));
        if (detail >= 2)
        {
            return $"{name} {StatusText.Counts(calls)}";
        }
        var marks = calls.Select(c => StatusText.Mark(c, DiscordText.EscapeMarkdown(TextClip.Clip(DiscordText.ShortModel(c.Model), 60)), running, detail,
            (reason, max) => DiscordText.EscapeMarkdown(TextClip.Clip(reason.Trim(), max))));
        return $"{name} {string.Join(' ', marks)}";
    }
}

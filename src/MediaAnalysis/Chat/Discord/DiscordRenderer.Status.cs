using System.Globalization;
using MediaAnalysis.Chat.Discord.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord;

public static partial class DiscordRenderer
{
    private const int MaxName = 100;
    private const int MaxNote = 500;

    // The one status message, as plain content with a Cancel button while the job can be cancelled.
    // threadId: where the answers go ("in <#thread>"); null means "below" (no thread could be made).
    public static MessageBody Status(JobStatus status, string? threadId = null)
    {
        ArgumentNullException.ThrowIfNull(status);
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
            Components = status.Cancellable && cancelId.Length <= DiscordLimits.CustomId
                ? [Component.Row(Component.Button(ButtonStyle.Danger, "Cancel", cancelId))]
                : [],
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
        else if (StagesLine(status) is { } stages)
        {
            yield return stages;
        }
        if (CallsLine(status, detail) is { } calls)
        {
            yield return calls;
        }
        var note = string.IsNullOrWhiteSpace(status.Note) ? null : DiscordText.EscapeMarkdown(TextClip.Clip(status.Note.Trim(), MaxNote));
        var analyzed = status.State == JobState.Done || (status.State == JobState.Running && status.Stage == AnalysisStage.Analyzing);
        if (analyzed)
        {
            var where = threadId is null ? "below" : $"in <#{threadId}>";
            var cost = status.TotalCost is { } total ? $" · total {Format.Cost(total)}" : "";
            yield return $"💬 Answers {where} · transcript attached{cost}";
        }
        var end = status.State switch
        {
            JobState.Failed => $"❌ {note ?? "The analysis failed."}",
            JobState.TimedOut => $"⏱️ {note ?? "Stopped: the job took too long."}",
            JobState.Cancelled => $"⏹️ {note ?? "Cancelled."}",
            _ => note is null ? null : $"ℹ️ {note}",
        };
        if (end is not null)
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
        var place = status.QueuePosition switch
        {
            null => "⏳ Queued",
            <= 1 => "⏳ Queued: next in line for this server",
            { } n => $"⏳ Queued: {Ordinal(n)} in line for this server",
        };
        return status.EstimatedWait is { } wait ? $"{place} ({Wait(wait)})" : place;
    }

    private static string? StagesLine(JobStatus status)
    {
        var ended = status.State is JobState.Failed or JobState.Cancelled or JobState.TimedOut;
        var current = status.State == JobState.Done ? AnalysisStage.Analyzing : status.Stage;
        if (current is null)
        {
            return status.State == JobState.Running ? "⏳ Starting" : null;
        }
        var mark = ended ? "❌" : "⏳";
        var transcribed = "✅ Transcribed" + TranscriptDetail(status);
        (AnalysisStage Until, string Done, string Doing)[] steps =
        [
            (AnalysisStage.Downloading, "✅ Downloaded", $"{mark} Downloading"),
            (AnalysisStage.Extracting, "✅ Audio extracted", current == AnalysisStage.Probing ? $"{mark} Checking the file" : $"{mark} Extracting audio"),
            (AnalysisStage.Transcribing, transcribed, $"{mark} Transcribing"),
        ];
        var shown = new List<string>();
        foreach (var (until, done, doing) in steps)
        {
            if (current > until)
            {
                shown.Add(done);
                continue;
            }
            shown.Add(doing);
            break;
        }
        return string.Join(" · ", shown);
    }

    private static string TranscriptDetail(JobStatus status)
    {
        var language = string.IsNullOrWhiteSpace(status.Language) ? null : LanguageNames.Of(status.Language);
        var words = status.Words is { } w ? $"{Format.Count(w)} words" : null;
        var detail = string.Join(", ", new[] { language, words }.OfType<string>());
        return detail.Length == 0 ? "" : $" ({DiscordText.EscapeMarkdown(detail)})";
    }

    // detail 0: every call with model and time; 1: shorter reasons, no times; 2: counts per prompt only.
    private static string? CallsLine(JobStatus status, int detail)
    {
        if (status.Calls.Count == 0 || (status.State == JobState.Queued)
            || (status.Stage != AnalysisStage.Analyzing && status.State != JobState.Done && status.Calls.All(c => c.State == CallState.Waiting)))
        {
            return null;
        }
        var finished = status.Calls.Count(c => c.State != CallState.Waiting);
        var verb = status.State == JobState.Running ? "Analyzing" : "Analyzed";
        var groups = status.Calls.GroupBy(c => c.Prompt).Select(g => GroupText(g.Key, [.. g], status.State == JobState.Running, detail));
        return $"{verb} {finished}/{status.Calls.Count}: {string.Join(" · ", groups)}";
    }

    private static string GroupText(string prompt, IReadOnlyList<CallMark> calls, bool running, int detail)
    {
        var name = DiscordText.EscapeMarkdown(TextClip.Clip(prompt, 60));
        if (detail >= 2)
        {
            var ok = calls.Count(c => c.State == CallState.Succeeded);
            var failed = calls.Count(c => c.State == CallState.Failed);
            return failed == 0 ? $"{name} {ok}/{calls.Count} ✅" : $"{name} {ok}/{calls.Count} ✅ {failed} ❌";
        }
        var reasonLength = detail == 0 ? 100 : 40;
        var marks = calls.Select(c =>
        {
            var model = DiscordText.EscapeMarkdown(TextClip.Clip(DiscordText.ShortModel(c.Model), 60));
            return c.State switch
            {
                CallState.Succeeded when detail == 0 && c.Elapsed is { } e => $"✅ {model} {Math.Round(e.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
                CallState.Succeeded => $"✅ {model}",
                CallState.Failed when !string.IsNullOrWhiteSpace(c.Reason) =>
                    $"❌ {model}: {DiscordText.EscapeMarkdown(TextClip.Clip(c.Reason.Trim(), reasonLength))}",
                CallState.Failed => $"❌ {model}",
                _ => running ? $"⏳ {model}" : $"➖ {model}",
            };
        });
        return $"{name} {string.Join(' ', marks)}";
    }

    private static string Wait(TimeSpan wait) => wait.TotalMinutes switch
    {
        < 1 => "under a minute",
        < 60 => $"about {Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min",
        _ => $"about {Format.Span(TimeSpan.FromMinutes(Math.Ceiling(wait.TotalMinutes)))}",
    };

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}

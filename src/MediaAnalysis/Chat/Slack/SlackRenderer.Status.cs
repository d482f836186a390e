using System.Globalization;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack;

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
        if (status.Cancellable && status.JobId.Length is > 0 and <= SlackLimits.ButtonValue)
        {
            blocks.Add(new ActionsBlock
            {
                Elements = [new ButtonElement { Text = TextObject.Plain("Cancel"), ActionId = CancelActionId, Value = status.JobId, Style = ButtonElement.Danger }],
            });
        }
        return new SlackMessageContent(TextClip.Clip(FallbackLine(status), SlackLimits.FallbackText), blocks);
    }

    private static IEnumerable<string> StatusLines(JobStatus status, int detail)
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
        foreach (var line in CallLines(status, detail))
        {
            yield return line;
        }
        var note = string.IsNullOrWhiteSpace(status.Note) ? null : SlackText.Note(status.Note, MaxNote);
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

    private static string QueueLine(JobStatus status) => status.QueuePosition switch
    {
        null => "⏳ Queued",
        <= 1 => "⏳ Queued: next in line for this workspace",
        { } n => $"⏳ Queued: {Ordinal(n)} in line for this workspace",
    };

    private static string? StagesLine(JobStatus status)
    {
        var ended = status.State is JobState.Failed or JobState.Cancelled or JobState.TimedOut;
        var current = status.State == JobState.Done ? AnalysisStage.Analyzing : status.Stage;
        if (current is null)
        {
            return status.State == JobState.Running ? "⏳ Starting" : null;
        }
        var mark = ended ? "❌" : "⏳";
        (AnalysisStage Until, string Done, string Doing)[] steps =
        [
            (AnalysisStage.Downloading, "✅ Downloaded", $"{mark} Downloading"),
            (AnalysisStage.Extracting, "✅ Audio extracted", current == AnalysisStage.Probing ? $"{mark} Checking the file" : $"{mark} Extracting audio"),
            (AnalysisStage.Transcribing, "✅ Transcribed" + TranscriptDetail(status), $"{mark} Transcribing"),
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
        return detail.Length == 0 ? "" : $" ({SlackText.Name(detail, MaxName)})";
    }

    // detail 0: every call with model and time; 1: shorter reasons, no times; 2: counts per prompt only.
    private static IEnumerable<string> CallLines(JobStatus status, int detail)
    {
        var analyzing = status.Stage == AnalysisStage.Analyzing || status.State == JobState.Done || status.Calls.Any(c => c.State != CallState.Waiting);
        if (status.Calls.Count == 0 || status.State == JobState.Queued || !analyzing)
        {
            yield break;
        }
        var finished = status.Calls.Count(c => c.State != CallState.Waiting);
        yield return $"*{(status.State == JobState.Running ? "Analyzing" : "Analyzed")} {finished}/{status.Calls.Count}*";
        foreach (var group in status.Calls.GroupBy(c => c.Prompt))
        {
            yield return $"• {PromptLine(group.Key, [.. group], status.State == JobState.Running, detail)}";
        }
    }

    private static string PromptLine(string prompt, IReadOnlyList<CallMark> calls, bool running, int detail)
    {
        var name = $"*{SlackText.Name(prompt, 60)}*";
        if (detail >= 2)
        {
            var ok = calls.Count(c => c.State == CallState.Succeeded);
            var failed = calls.Count(c => c.State == CallState.Failed);
            return failed == 0 ? $"{name} {ok}/{calls.Count} ✅" : $"{name} {ok}/{calls.Count} ✅ {failed} ❌";
        }
        var reasonLength = detail == 0 ? 100 : 40;
        var marks = calls.Select(c =>
        {
            var model = SlackText.Name(SlackText.ShortModel(c.Model), 60);
            return c.State switch
            {
                CallState.Succeeded when detail == 0 && c.Elapsed is { } e => $"✅ {model} {Math.Round(e.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
                CallState.Succeeded => $"✅ {model}",
                CallState.Failed when !string.IsNullOrWhiteSpace(c.Reason) => $"❌ {model}: {SlackText.Name(c.Reason, reasonLength)}",
                CallState.Failed => $"❌ {model}",
                _ => running ? $"⏳ {model}" : $"➖ {model}",
            };
        });
        return $"{name} {string.Join(" · ", marks)}";
    }

    private static List<string> ContextParts(JobStatus status)
    {
        var parts = new List<string>();
        if (status.State == JobState.Queued)
        {
            parts.Add(status.QueuePosition is { } n ? $"{Ordinal(n)} in line" : "waiting for a free worker");
            if (status.EstimatedWait is { } wait)
            {
                parts.Add(Wait(wait));
            }
        }
        var analyzed = status.State == JobState.Done || (status.State == JobState.Running && status.Stage == AnalysisStage.Analyzing);
        if (analyzed)
        {
            parts.Add("💬 Answers in this thread · transcript attached");
        }
        if (status.TotalCost is { } cost)
        {
            parts.Add($"total {Format.Cost(cost)}");
        }
        return parts;
    }

    private static string FallbackLine(JobStatus status)
    {
        var name = SlackText.Name(status.SourceName, MaxName);
        var state = status.State switch
        {
            JobState.Queued => status.QueuePosition is { } n ? $"queued, {Ordinal(n)} in line" : "queued",
            JobState.Running => status.Stage switch
            {
                AnalysisStage.Downloading => "downloading",
                AnalysisStage.Probing or AnalysisStage.Extracting => "extracting audio",
                AnalysisStage.Transcribing => "transcribing",
                AnalysisStage.Analyzing => $"analyzing {status.Calls.Count(c => c.State != CallState.Waiting)}/{status.Calls.Count}",
                _ => "starting",
            },
            JobState.Done => "done",
            JobState.Failed => "failed",
            JobState.Cancelled => "cancelled",
            JobState.TimedOut => "timed out",
            _ => status.State.ToString(),
        };
        return $"🎬 {name}: {state}";
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

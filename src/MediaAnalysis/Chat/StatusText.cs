using System.Globalization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat;

// What a status message says, composed once: each platform lays these sentences out (content, Block Kit) and
// escapes what people chose (names, reasons, notes) with its own `escape`, given the text and its length limit.
public static class StatusText
{
    // "⏳ Queued: 2nd in line for this server"; tenant is "server" or "workspace".
    public static string QueuePlace(int? position, string tenant) => position switch
    {
        null => "⏳ Queued",
        <= 1 => $"⏳ Queued: next in line for this {tenant}",
        { } n => $"⏳ Queued: {Ordinal(n)} in line for this {tenant}",
    };

    // "✅ Downloaded · ✅ Audio extracted · ⏳ Transcribing"; null before the first stage of a job not running.
    // `escapeDetail` escapes the transcript's " (English, 1,204 words)".
    public static string? Stages(JobStatus status, Func<string, string> escapeDetail)
    {
        ArgumentNullException.ThrowIfNull(status);
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
            (AnalysisStage.Transcribing, "✅ Transcribed" + TranscriptDetail(status, escapeDetail), $"{mark} Transcribing"),
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

    // Whether the answers are (being) posted: the status then says where.
    public static bool ShowsAnswers(JobStatus status) =>
        status.State == JobState.Done || (status.State == JobState.Running && status.Stage == AnalysisStage.Analyzing);

    // Whether the per-model marks are shown: once the fan-out began, and never while queued.
    public static bool ShowsCalls(JobStatus status) =>
        status.Calls.Count > 0 && status.State != JobState.Queued
        && (status.Stage == AnalysisStage.Analyzing || status.State == JobState.Done || status.Calls.Any(c => c.State != CallState.Waiting));

    // "Analyzing 3/6" while it runs; once ended, what came back: "4 of 6 answered" when two failed.
    public static string CallsTitle(JobStatus status) => status.State == JobState.Running
        ? $"Analyzing {status.Calls.Count(c => c.State != CallState.Waiting)}/{status.Calls.Count}"
        : Answered(status.Calls);

    // "4 of 6 answered".
    public static string Answered(IReadOnlyList<CallMark> calls) =>
        $"{calls.Count(c => c.State == CallState.Succeeded)} of {calls.Count} answered";

    // A model that failed the same way for every prompt has its reason said once, on its first mark.
    public static IReadOnlyList<CallMark> ReasonsOnce(IReadOnlyList<CallMark> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var said = new HashSet<(string, string)>();
        return [.. calls.Select(c => c is { State: CallState.Failed, Reason: { } r } && !said.Add((c.Model, r.Trim())) ? c with { Reason = null } : c)];
    }

    // The closing line that tells the asker the job ended, after their mention: "your analysis of standup.mp4
    // is done: 6 of 6 answered." `name` is the escaped file name.
    public static string Closing(JobStatus status, string name)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State switch
        {
            JobState.Done => $"your analysis of {name} is done: {Answered(status.Calls)}.",
            JobState.Cancelled => $"your analysis of {name} was cancelled.",
            JobState.TimedOut => $"your analysis of {name} was stopped: it took longer than this bot allows.",
            _ => $"your analysis of {name} failed; the status message above says why.",
        };
    }

    // detail 2: "3/3 ✅" or "2/3 ✅ 1 ❌" after the prompt's name.
    public static string Counts(IReadOnlyList<CallMark> calls)
    {
        var ok = calls.Count(c => c.State == CallState.Succeeded);
        var failed = calls.Count(c => c.State == CallState.Failed);
        return failed == 0 ? $"{ok}/{calls.Count} ✅" : $"{ok}/{calls.Count} ✅ {failed} ❌";
    }

    // One model's mark. detail 0: with its time and a reason up to 100 characters; 1: no time, reasons up to 40.
    // `reason` escapes a failure's reason given its length limit.
    public static string Mark(CallMark call, string model, bool running, int detail, Func<string, int, string> reason)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.State switch
        {
            CallState.Succeeded when detail == 0 && call.Elapsed is { } e => $"✅ {model} {Format.Seconds(e)}",
            CallState.Succeeded => $"✅ {model}",
            CallState.Failed when !string.IsNullOrWhiteSpace(call.Reason) => $"❌ {model}: {reason(call.Reason, detail == 0 ? 100 : 40)}",
            CallState.Failed => $"❌ {model}",
            _ => running ? $"⏳ {model}" : $"➖ {model}",
        };
    }

    // The line that ends the message: why it failed, timed out or was cancelled, or a note. `note` is escaped.
    public static string? End(JobState state, string? note) => state switch
    {
        JobState.Failed => $"❌ {note ?? "The analysis failed."}",
        JobState.TimedOut => $"⏱️ {note ?? "Stopped: the job took too long."}",
        JobState.Cancelled => $"⏹️ {note ?? "Cancelled."}",
        _ => note is null ? null : $"ℹ️ {note}",
    };

    // The whole body of a deleted job's status, after its header; `by` is the platform's mention of who deleted it.
    public static string Deleted(string by) =>
        $"🗑️ Deleted by {by}: the stored transcript and answers are gone, and so is the results page. Messages already posted stay.";

    public static string Wait(TimeSpan wait) => wait.TotalMinutes switch
    {
        < 1 => "under a minute",
        < 60 => $"about {Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min",
        _ => $"about {Format.Span(TimeSpan.FromMinutes(Math.Ceiling(wait.TotalMinutes)))}",
    };

    public static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    // " (English, detected, 1,204 words)" or " (German, chosen, …)", escaped as a whole; "" when neither is known.
    private static string TranscriptDetail(JobStatus status, Func<string, string> escape)
    {
        var language = string.IsNullOrWhiteSpace(status.Language) ? null
            : $"{LanguageNames.Of(status.Language)}, {(status.LanguageChosen ? "chosen" : "detected")}";
        var words = status.Words is { } w ? Format.Plural(w, "word") : null;
        var detail = string.Join(", ", new[] { language, words }.OfType<string>());
        return detail.Length == 0 ? "" : $" ({escape(detail)})";
    }
}

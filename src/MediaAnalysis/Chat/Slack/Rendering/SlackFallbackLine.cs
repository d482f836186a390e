using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Rendering;

// The status as one plain line, for notifications and clients that show no blocks: "🎬 standup.mp4: transcribing".
public static class SlackFallbackLine
{
    private const int MaxName = 100;

    public static string Of(JobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var name = SlackText.Name(status.SourceName, MaxName);
        var state = status.State switch
        {
            JobState.Queued => status.QueuePosition is { } n ? $"queued, {StatusText.Ordinal(n)} in line" : "queued",
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
}

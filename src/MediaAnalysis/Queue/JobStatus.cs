using MediaAnalysis.Pipeline;

namespace MediaAnalysis.Queue;

// Everything the one live status message shows, platform-free; each chat adapter renders it its own way.
public sealed record JobStatus
{
    public required string JobId { get; init; }

    public required string SourceName { get; init; }

    public required string RequesterId { get; init; }

    public long? SizeBytes { get; init; }

    public TimeSpan? MediaDuration { get; init; }

    public JobState State { get; init; }

    // The stage running now (Running), or the one that was running when the job ended.
    public AnalysisStage? Stage { get; init; }

    // 1 = next in line for this server or workspace; null when not queued.
    public int? QueuePosition { get; init; }

    public TimeSpan? EstimatedWait { get; init; }

    public string? Language { get; init; }

    public int? Words { get; init; }

    public IReadOnlyList<CallMark> Calls { get; init; } = [];

    public decimal? TotalCost { get; init; }

    // A line for people: the failure reason, "Cancelled by …", "The bot restarted; picking up where it left off."
    public string? Note { get; init; }

    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled or JobState.TimedOut;

    public bool Cancellable => State is JobState.Queued or JobState.Running;
}

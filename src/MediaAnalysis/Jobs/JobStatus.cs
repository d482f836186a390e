namespace MediaAnalysis.Jobs;

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

    // The language was asked for (shown as "chosen"), not detected.
    public bool LanguageChosen { get; init; }

    public int? Words { get; init; }

    public IReadOnlyList<CallMark> Calls { get; init; } = [];

    public decimal? TotalCost { get; init; }

    // A line for people: the failure reason, "Cancelled by …", "The bot restarted; picking up where it left off."
    public string? Note { get; init; }

    // The job's private results page ("Side by side"), when pages are on and this process made its link.
    public string? PageUrl { get; init; }

    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled or JobState.TimedOut;

    public bool Cancellable => State is JobState.Queued or JobState.Running;

    // Who deleted the job's results ("<@U1>"): the status then says only that, with no buttons.
    public string? DeletedBy { get; init; }

    // A finished job's results (transcript, answers, page) can be deleted by its asker or a manager.
    public bool Deletable => IsFinished && DeletedBy is null;

    // A job's status as its row has it, every (prompt, model) call still waiting.
    public static JobStatus From(JobRecord job, IEnumerable<string> prompts, IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new()
        {
            JobId = job.Id,
            SourceName = job.SourceName,
            RequesterId = job.RequesterId,
            SizeBytes = job.SizeBytes,
            MediaDuration = job.MediaSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            State = job.State,
            Language = job.Language,
            Note = job.Note,
            Calls = [.. prompts.SelectMany(p => models.Select(m => new CallMark(p, m, CallState.Waiting, null, null)))],
        };
    }

    // A started job's status as its stored answers have it (the panel verdict, stored beside them, is not a call).
    public static JobStatus FromStored(JobRecord job, IEnumerable<string> prompts, IReadOnlyList<string> models, IEnumerable<StoredAnswer> stored) =>
        stored.Where(a => !PanelVerdict.Is(a.Outcome)).Aggregate(From(job, prompts, models), (s, a) => s.WithOutcome(a.Outcome));

    public JobStatus WithOutcome(ModelOutcome outcome)
    {
        var mark = outcome switch
        {
            ModelOutcome.Succeeded s => new CallMark(s.Prompt, s.Model, CallState.Succeeded, s.Elapsed, null),
            ModelOutcome.Failed f => new CallMark(f.Prompt, f.Model, CallState.Failed, f.Elapsed, f.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
        var cost = outcome is ModelOutcome.Succeeded { Cost: { } c } ? (TotalCost ?? 0) + c : TotalCost;
        return this with
        {
            Calls = [.. Calls.Select(m => m.Prompt == mark.Prompt && m.Model == mark.Model ? mark : m)],
            TotalCost = cost,
        };
    }
}

namespace MediaAnalysis.Jobs;

// One row of the jobs table.
public sealed record JobRecord
{
    public required string Id { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Platform { get; init; }

    public required string Tenant { get; init; }

    public required string Channel { get; init; }

    public required string RequesterId { get; init; }

    public required string RequesterName { get; init; }

    public required string VideoKey { get; init; }

    public required Uri VideoUrl { get; init; }

    public required string SourceName { get; init; }

    public long? SizeBytes { get; init; }

    public string? PlatformState { get; init; }

    public JobState State { get; init; }

    public string? Stage { get; init; }

    public long Seq { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    // How many times a worker has started it: more than one means it resumed after a restart.
    public int Attempts { get; init; }

    // How many of those attempts ended in a release (a shutdown that left it for the next start).
    public int Releases { get; init; }

    // Earlier attempts of a running job that ended neither finished nor released: its holder died or lost its lease.
    public int Interrupted => Math.Max(0, Attempts - 1 - Releases);

    public string? CancelRequestedBy { get; init; }

    public string? Note { get; init; }

    public double? MediaSeconds { get; init; }

    public string? Language { get; init; }

    public string? Transcript { get; init; }

    public bool TranscriptPosted { get; init; }

    // The paragraphs (times, speakers) as a TranscriptDocument; null for a transcript stored before they were kept.
    public string? TranscriptParagraphs { get; init; }

    // The language the person chose (a BCP-47 code); null to use Deepgram:Language, then detection.
    public string? RequestedLanguage { get; init; }

    // The settings the job runs with (a JobSettings document), taken when it first started; empty for a job stored
    // before snapshots were kept (the operator's defaults), null until the job starts.
    public string? SettingsSnapshot { get; init; }

    // The results page's link token (Web:PublicBaseUrl on when the job was made); looked up only by its hash.
    public string? PageToken { get; init; }
}

namespace MediaAnalysis.Jobs;

// What a chat adapter hands the queue: platform-neutral, plus the adapter's own state as an opaque JSON string
// (interaction token, channel type, thread ts, ...) that comes back to it with every reply call.
public sealed record AnalyzeRequest
{
    public required string Platform { get; init; }

    // Guild id (Discord) or team id (Slack): one running job per tenant.
    public required string Tenant { get; init; }

    public required string Channel { get; init; }

    public required string RequesterId { get; init; }

    public required string RequesterName { get; init; }

    // Interaction id, event id, or channel + message + file: a second delivery creates nothing.
    public required string IdempotencyKey { get; init; }

    // Identifies the video itself (attachment or file id), to point a person who asks twice at the running job.
    public required string VideoKey { get; init; }

    public required Uri VideoUrl { get; init; }

    public required string SourceName { get; init; }

    public long? SizeBytes { get; init; }

    public string? PlatformState { get; init; }

    // The language the person chose (a BCP-47 code), for the transcription and the answers; null to detect.
    public string? Language { get; init; }

    // The results page's link token, made by the intake when pages are on: stored with the new job in the same
    // statement (with its hash), so a worker that claims the job at once already has it. Ignored for a duplicate.
    public string? PageToken { get; init; }

    // The member's jobs per UTC day on this server, when it has a limit: the store counts the member's jobs accepted
    // on `now`'s UTC day and makes the job (with its ledger row) in the same transaction only when fewer, else nothing
    // (EnqueueOutcome.OverLimit). So two requests at the same instant cannot both take the last one. Null: no limit.
    public int? MemberDailyLimit { get; init; }
}

using MediaAnalysis.Configuration;

namespace MediaAnalysis.Queue;

public sealed class QueueOptions : IValidatedOptions
{
    public const string SectionName = "Queue";

    // Jobs running at once in this instance, across all guilds and workspaces (each has an ffmpeg child and six
    // HTTP calls). Several instances on one PostgreSQL store run up to this many each.
    public int MaxConcurrentJobs { get; set; } = 2;

    // Follow-up questions answered at once in this instance: their own lane, apart from the video jobs.
    public int MaxConcurrentQuestions { get; set; } = 4;

    // Waiting jobs per guild or workspace before new ones are turned away (EffectiveMaxPendingPerTenant: 5 when unset).
    public int? MaxPendingPerTenant { get; set; }

    // The key's name before it said "tenant": still read when MaxPendingPerTenant is not set, with a warning at start.
    public int? MaxPendingPerGuild { get; set; }

    public int EffectiveMaxPendingPerTenant => MaxPendingPerTenant ?? MaxPendingPerGuild ?? 5;

    public bool UsesOldPendingKey => MaxPendingPerTenant is null && MaxPendingPerGuild is not null;

    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(30);

    // Status edits are coalesced to at most one per interval per job, far below platform rate limits.
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(3);

    // Another instance's jobs (a shared database) are noticed at this interval; this process's at once.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    // SIGTERM lets running jobs finish for this long; the rest resume on the next start.
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(90);

    // Names this instance (default: FLY_MACHINE_ID, else the host name). Leases are held by it plus a per-process
    // nonce: a restarted process with the same id takes its jobs back at once; two live ones with it are warned about.
    public string? InstanceId { get; set; }

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    // A job whose holder died or lost its lease this many times is failed, not resumed again (a crash loop).
    // A release on SIGTERM does not count.
    public int MaxAttempts { get; set; } = 3;

    public string EffectiveInstanceId =>
        string.IsNullOrWhiteSpace(InstanceId) ? Environment.GetEnvironmentVariable("FLY_MACHINE_ID") ?? Environment.MachineName : InstanceId;

    public IEnumerable<string> Validate()
    {
        string?[] problems =
        [
            OptionChecks.InRange($"{SectionName}:MaxConcurrentJobs", MaxConcurrentJobs, 1, 64),
            OptionChecks.InRange($"{SectionName}:MaxConcurrentQuestions", MaxConcurrentQuestions, 1, 64),
            OptionChecks.InRange($"{SectionName}:{(UsesOldPendingKey ? "MaxPendingPerGuild" : "MaxPendingPerTenant")}", EffectiveMaxPendingPerTenant, 1, 1000),
            OptionChecks.Positive($"{SectionName}:JobTimeout", JobTimeout),
            OptionChecks.Positive($"{SectionName}:StatusInterval", StatusInterval),
            OptionChecks.Positive($"{SectionName}:PollInterval", PollInterval),
            ShutdownGrace >= TimeSpan.Zero ? null : $"{SectionName}:ShutdownGrace must not be negative",
            LeaseDuration >= TimeSpan.FromSeconds(10) ? null : $"{SectionName}:LeaseDuration must be at least 00:00:10",
            InstanceId is null || (InstanceId.Length <= 100 && !InstanceId.Contains('/', StringComparison.Ordinal))
                ? null
                : $"{SectionName}:InstanceId must be at most 100 characters, without '/'",
            OptionChecks.InRange($"{SectionName}:MaxAttempts", MaxAttempts, 1, 100),
        ];
        return problems.OfType<string>();
    }
}

using MediaAnalysis.Jobs;

namespace MediaAnalysis.Storage;

// IJobStore as the sum of its roles: a provider supplies one part per role (SqliteJobStore builds the SQLite
// ones over one SqliteDatabase, PostgresJobStore the PostgreSQL ones over one PostgresDatabase) and this passes each call to its part.
// The spend ledger and the follow-up questions are the same database's too.
public abstract class JobStore(
    IJobIntake intake, IJobClaims claims, IJobProgress progress, IJobResults results, IJobMaintenance maintenance, ITenantSettingsStore settings,
    ISpendStore spend, IQuestionStore questions)
    : IJobStore, ISpendStore
{
    // Follow-up questions, on the same database.
    public IQuestionStore Questions { get; } = questions;

    public Task<EnqueueResult> EnqueueAsync(AnalyzeRequest request, int maxPendingPerTenant, DateTimeOffset now, CancellationToken cancellationToken) =>
        intake.EnqueueAsync(request, maxPendingPerTenant, now, cancellationToken);

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) => intake.GetAsync(jobId, cancellationToken);

    public Task<JobRecord?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        intake.FindByKeyAsync(idempotencyKey, cancellationToken);

    public Task<bool> CancelAsync(string jobId, string by, DateTimeOffset now, CancellationToken cancellationToken) =>
        intake.CancelAsync(jobId, by, now, cancellationToken);

    public Task<int?> QueuePositionAsync(string jobId, CancellationToken cancellationToken) => intake.QueuePositionAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> QueuedInTenantAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        intake.QueuedInTenantAsync(platform, tenant, cancellationToken);

    public Task<TimeSpan?> RecentAverageDurationAsync(CancellationToken cancellationToken) => intake.RecentAverageDurationAsync(cancellationToken);

    public Task<JobRecord?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        claims.ClaimNextAsync(owner, now, lease, cancellationToken);

    public Task<IReadOnlyList<string>> RenewLeasesAsync(
        string owner, IReadOnlyCollection<string> jobIds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        claims.RenewLeasesAsync(owner, jobIds, now, lease, cancellationToken);

    public Task<int> RequeueOrphansAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        claims.RequeueOrphansAsync(instanceId, now, cancellationToken);

    public Task<int> RescueLapsedAsync(DateTimeOffset now, CancellationToken cancellationToken) => claims.RescueLapsedAsync(now, cancellationToken);

    public Task<bool> ConfirmLeaseAsync(string jobId, string owner, int attempt, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        claims.ConfirmLeaseAsync(jobId, owner, attempt, now, lease, cancellationToken);

    public Task<IReadOnlyList<string>> HeartbeatAsync(string instanceId, string owner, DateTimeOffset now, TimeSpan within, CancellationToken cancellationToken) =>
        claims.HeartbeatAsync(instanceId, owner, now, within, cancellationToken);

    public Task ReleaseAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken) => claims.ReleaseAsync(jobId, now, cancellationToken);

    public Task<bool> FinishAsync(string jobId, JobState state, string? note, DateTimeOffset now, CancellationToken cancellationToken) =>
        claims.FinishAsync(jobId, state, note, now, cancellationToken);

    public Task SetStageAsync(string jobId, string stage, CancellationToken cancellationToken) => progress.SetStageAsync(jobId, stage, cancellationToken);

    public Task SaveMediaAsync(string jobId, long sizeBytes, double mediaSeconds, CancellationToken cancellationToken) =>
        progress.SaveMediaAsync(jobId, sizeBytes, mediaSeconds, cancellationToken);

    public Task SavePlatformStateAsync(string jobId, string state, CancellationToken cancellationToken) =>
        progress.SavePlatformStateAsync(jobId, state, cancellationToken);

    public Task<bool> ReplacePlatformStateAsync(string jobId, string expected, string state, CancellationToken cancellationToken) =>
        progress.ReplacePlatformStateAsync(jobId, expected, state, cancellationToken);

    public Task SaveTranscriptAsync(string jobId, string transcript, string? language, string? paragraphs, CancellationToken cancellationToken) =>
        results.SaveTranscriptAsync(jobId, transcript, language, paragraphs, cancellationToken);

    public Task MarkTranscriptPostedAsync(string jobId, CancellationToken cancellationToken) => results.MarkTranscriptPostedAsync(jobId, cancellationToken);

    public Task SaveAnswerAsync(string jobId, ModelOutcome outcome, CancellationToken cancellationToken) =>
        results.SaveAnswerAsync(jobId, outcome, cancellationToken);

    public Task<IReadOnlyList<StoredAnswer>> GetAnswersAsync(string jobId, CancellationToken cancellationToken) =>
        results.GetAnswersAsync(jobId, cancellationToken);

    public Task MarkAnswerPostedAsync(string jobId, string prompt, string model, CancellationToken cancellationToken) =>
        results.MarkAnswerPostedAsync(jobId, prompt, model, cancellationToken);

    public Task SetPageTokenAsync(string jobId, string token, CancellationToken cancellationToken) =>
        results.SetPageTokenAsync(jobId, token, cancellationToken);

    public Task<JobRecord?> FindByPageTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        results.FindByPageTokenHashAsync(tokenHash, cancellationToken);

    public Task<bool> DeleteJobAsync(string jobId, CancellationToken cancellationToken) => results.DeleteJobAsync(jobId, cancellationToken);

    public Task<Stream?> OpenTranscriptAsync(string jobId, bool paragraphs, CancellationToken cancellationToken) =>
        results.OpenTranscriptAsync(jobId, paragraphs, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken) => maintenance.InitializeAsync(cancellationToken);

    public Task<(int Running, int Queued)> CountsAsync(CancellationToken cancellationToken) => maintenance.CountsAsync(cancellationToken);

    public Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        maintenance.DeleteFinishedBeforeAsync(cutoff, cancellationToken);

    public Task<bool> CanWriteAsync(DateTimeOffset now, CancellationToken cancellationToken) => maintenance.CanWriteAsync(now, cancellationToken);

    public Task<StoredSettings?> GetSettingsAsync(string platform, string tenant, CancellationToken cancellationToken) =>
        settings.GetSettingsAsync(platform, tenant, cancellationToken);

    public Task<bool> SaveSettingsAsync(
        string platform, string tenant, int expectedVersion, string document, SettingsChange change, DateTimeOffset now, CancellationToken cancellationToken) =>
        settings.SaveSettingsAsync(platform, tenant, expectedVersion, document, change, now, cancellationToken);

    public Task<IReadOnlyList<SettingsChange>> RecentChangesAsync(string platform, string tenant, int count, CancellationToken cancellationToken) =>
        settings.RecentChangesAsync(platform, tenant, count, cancellationToken);

    public Task<string> SnapshotSettingsAsync(string jobId, string document, CancellationToken cancellationToken) =>
        settings.SnapshotSettingsAsync(jobId, document, cancellationToken);

    public Task<bool> RecordAsync(SpendEntry entry, CancellationToken cancellationToken) => spend.RecordAsync(entry, cancellationToken);

    public Task<SpendTotals> TotalsAsync(string platform, string tenant, string requesterId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        spend.TotalsAsync(platform, tenant, requesterId, since, until, cancellationToken);

    public Task<decimal?> ModelUsdPerMinuteAsync(string platform, string? tenant, int jobs, CancellationToken cancellationToken) =>
        spend.ModelUsdPerMinuteAsync(platform, tenant, jobs, cancellationToken);

    public Task<(int Calls, int Costed)> RecentModelCallsAsync(string model, int calls, CancellationToken cancellationToken) =>
        spend.RecentModelCallsAsync(model, calls, cancellationToken);

    public Task<bool> ClaimNoticeAsync(string platform, string tenant, string month, string jobId, CancellationToken cancellationToken) =>
        spend.ClaimNoticeAsync(platform, tenant, month, jobId, cancellationToken);
}

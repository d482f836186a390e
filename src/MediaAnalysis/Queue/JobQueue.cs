using MediaAnalysis.Configuration;
using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Download;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// What chat adapters call: enqueue (idempotent, bounded per tenant), look up, cancel.
public sealed class JobQueue(
    IJobStore store,
    WorkerWakeUp wakeUp,
    RunningJobs running,
    ChatRepliers repliers,
    SpendGate spend,
    ServerSettings settings,
    IOptions<QueueOptions> options,
    IOptions<AnalysisOptions> analysis,
    IOptions<MediaOptions> media,
    IOptions<WebOptions> web,
    TimeProvider time,
    AppMetrics metrics,
    ILogger<JobQueue> logger)
{
    public int MaxPendingPerTenant => options.Value.EffectiveMaxPendingPerTenant;

    // Media:MaxBytes, for a platform that knows a file's size before it asks.
    public long MaxVideoBytes => media.Value.MaxBytes;

    // The one intake: every platform hands its request here and renders the outcome. A store that cannot be
    // reached is an outcome (StoreUnavailable), logged here once; no platform sees the database's exception.
    public async Task<(EnqueueResult Result, JobStatus? Status)> EnqueueAsync(AnalyzeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await AcceptAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or SettingsUnavailableException)
        {
            // The server's settings (its limits, its pages switch) come from the same store.
            QueueLog.StoreUnavailable(logger, request.Platform, request.IdempotencyKey, (ex.InnerException ?? ex).Message);
            return (new EnqueueResult(EnqueueOutcome.StoreUnavailable, null), null);
        }
    }

    private async Task<(EnqueueResult Result, JobStatus? Status)> AcceptAsync(AnalyzeRequest request, CancellationToken cancellationToken)
    {
        // Limits are checked for a new request only: the same delivery again still finds its job. Whether it is one
        // is asked only of a request a limit would turn away; any other goes straight in, where the store tells.
        var (refusal, daily) = await spend.CheckAsync(request, async ct => await store.FindByKeyAsync(request.IdempotencyKey, ct) is not null, cancellationToken);
        if (refusal is not null)
        {
            return Refused(request, refusal);
        }
        // A new job's results page: its token goes in with the job, so every status (intake, worker, restart) shows the link.
        // A server that turned its pages off (`/settings pages`) gets none for its new jobs.
        var pages = web.Value.PagesEnabled && (await settings.GetAsync(request.Platform, request.Tenant, cancellationToken)).Pages != false;
        // The member's daily limit is checked by the store as it accepts (with the job's ledger row, in one transaction).
        request = request with { PageToken = pages ? PageToken.New() : null, MemberDailyLimit = daily };
        var result = await store.EnqueueAsync(request, options.Value.EffectiveMaxPendingPerTenant, time.GetUtcNow(), cancellationToken);
        if (result.Outcome == EnqueueOutcome.OverLimit && daily is { } limit)
        {
            return Refused(request, spend.RefuseDaily(request, limit));
        }
        if (result.Outcome == EnqueueOutcome.Created)
        {
            wakeUp.Wake();
        }
        else if (result.Outcome == EnqueueOutcome.QueueFull)
        {
            metrics.JobRefused(request.Platform);
        }
        QueueLog.Enqueued(logger, result.Job?.Id ?? "-", request.Platform, request.Tenant, result.Outcome.ToString());
        if (result.Job is not { } job)
        {
            return (result, null);
        }
        var status = await StatusAsync(job, result.QueuePosition, cancellationToken);
        return (result, status);
    }

    public ReplyContext ReplyContextFor(JobRecord job) => store.ReplyContextFor(job);

    private (EnqueueResult, JobStatus?) Refused(AnalyzeRequest request, string refusal)
    {
        metrics.JobRefused(request.Platform);
        QueueLog.Enqueued(logger, "-", request.Platform, request.Tenant, nameof(EnqueueOutcome.OverLimit));
        return (new EnqueueResult(EnqueueOutcome.OverLimit, null) { Refusal = refusal }, null);
    }

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) => store.GetAsync(jobId, cancellationToken);

    // A platform's state learned after the accept, kept only if nothing else saved the job's state meanwhile.
    public Task<bool> ReplacePlatformStateAsync(string jobId, string expected, string state, CancellationToken cancellationToken) =>
        store.ReplacePlatformStateAsync(jobId, expected, state, cancellationToken);

    // A queued job's status carries its place in line and an estimate from recent run times.
    public Task<JobStatus> StatusAsync(JobRecord job, CancellationToken cancellationToken) => StatusAsync(job, null, cancellationToken);

    // `knownPosition`: the place the store gave as it accepted the job (no second read).
    private async Task<JobStatus> StatusAsync(JobRecord job, int? knownPosition, CancellationToken cancellationToken)
    {
        if (job.State != JobState.Queued)
        {
            return await StartedStatusAsync(job, cancellationToken);
        }
        var status = JobStatus.From(job, analysis.Value.EffectivePrompts.Select(p => p.Name), analysis.Value.EffectiveModels) with
        {
            PageUrl = job.PageToken is { } token ? web.Value.PageUrl(token) : null,
        };
        var position = knownPosition ?? await store.QueuePositionAsync(job.Id, cancellationToken);
        var average = await RecentAverageAsync(cancellationToken);
        return status with { QueuePosition = position, EstimatedWait = position is { } p && average is { } a ? a * p : null };
    }

    // A job that has started (a delivery again, a cancel): its own prompts and models (its settings snapshot) with
    // every answer stored so far, as its own status message shows them.
    private async Task<JobStatus> StartedStatusAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var plan = AnalysisPlan.For(JobSettings.Parse(job.SettingsSnapshot), analysis.Value);
        var stored = await store.GetAnswersAsync(job.Id, cancellationToken);
        return JobStatus.FromStored(job, plan.Prompts.Select(p => p.Name), plan.Models, stored) with
        {
            PageUrl = job.PageToken is { } token ? web.Value.PageUrl(token) : null,
        };
    }

    // The last 20 jobs' average run time, read again at most every AverageFor: an estimate that is seconds stale
    // is as good, and a burst of accepts does not read it once each. A job's end forgets it (RefreshQueuedAsync),
    // so the first job to finish gives the others their estimate at once.
    private static readonly TimeSpan AverageFor = TimeSpan.FromSeconds(5);

    private sealed record Average(TimeSpan? Value, DateTimeOffset ReadAt);

    private Average? _average;

    private async Task<TimeSpan?> RecentAverageAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _average) is { } known && now - known.ReadAt < AverageFor && now >= known.ReadAt)
        {
            return known.Value;
        }
        var value = await store.RecentAverageDurationAsync(cancellationToken);
        Volatile.Write(ref _average, new Average(value, now));
        return value;
    }

    public async Task<CancelOutcome> CancelAsync(string jobId, string by, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return CancelOutcome.NotFound;
        }
        if (job.State is not (JobState.Queued or JobState.Running))
        {
            return CancelOutcome.AlreadyFinished;
        }
        if (await store.CancelAsync(jobId, by, time.GetUtcNow(), cancellationToken))
        {
            if (repliers.For(job.Platform) is { } replier && await store.GetAsync(jobId, cancellationToken) is { } cancelled)
            {
                var status = await StatusAsync(cancelled, cancellationToken);
                var context = store.ReplyContextFor(cancelled);
                await ShowQuietlyAsync(replier, context, status, cancellationToken);
                await NotifyQuietlyAsync(replier, context, cancelled.Id, status, cancellationToken);
            }
            await RefreshQueuedAsync(job.Platform, job.Tenant, cancellationToken);
            return CancelOutcome.Cancelled;
        }
        // Running: here, its token is cancelled now; elsewhere, its worker sees the request at its next lease renewal.
        running.TryCancel(jobId);
        return CancelOutcome.Cancelling;
    }

    // A finished job's results go at once (its row with transcript and page token, its answers and questions), then its
    // status says who deleted them. Two clicks delete once: the second finds the row gone. Who may is the adapter's call.
    public async Task<DeleteOutcome> DeleteAsync(string jobId, string by, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return DeleteOutcome.NotFound;
        }
        if (job.State is JobState.Queued or JobState.Running)
        {
            return DeleteOutcome.NotFinished;
        }
        // What is left to say: who deleted it (no calls, page or note; nothing read for them).
        var status = JobStatus.From(job, [], []) with { DeletedBy = by, Note = null };
        if (!await store.DeleteJobAsync(jobId, cancellationToken))
        {
            return DeleteOutcome.AlreadyDeleted;
        }
        QueueLog.Deleted(logger, jobId);
        if (repliers.For(job.Platform) is { } replier)
        {
            await ShowQuietlyAsync(replier, store.ReplyContextFor(job), status, cancellationToken);
        }
        return DeleteOutcome.Deleted;
    }

    // After a job in a tenant ends, everyone behind it moves up: their status messages say so.
    public async Task RefreshQueuedAsync(string platform, string tenant, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _average, null);
        if (repliers.For(platform) is not { } replier)
        {
            return;
        }
        foreach (var job in await store.QueuedInTenantAsync(platform, tenant, cancellationToken))
        {
            await ShowQuietlyAsync(replier, store.ReplyContextFor(job), await StatusAsync(job, cancellationToken), cancellationToken);
        }
    }

    private async Task NotifyQuietlyAsync(IChatReplier replier, ReplyContext context, string jobId, JobStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await replier.NotifyEndAsync(context, status, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            QueueLog.StatusFailed(logger, jobId, ex.GetType().Name, ex.Message);
        }
    }

    private async Task ShowQuietlyAsync(IChatReplier replier, ReplyContext context, JobStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await replier.ShowStatusAsync(context, status, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            QueueLog.StatusFailed(logger, context.JobId, ex.GetType().Name, ex.Message);
        }
    }
}

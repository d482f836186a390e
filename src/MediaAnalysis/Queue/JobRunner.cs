using System.Data.Common;
using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Settings;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// Runs one claimed job to its end: reachable for Cancel, bounded by Queue:JobTimeout, released on a hard stop,
// its end stored and shown. The stages, and what a resumed job skips, are JobStages'.
public sealed class JobRunner(
    JobStages stages,
    IJobStore store,
    SettingsSnapshots snapshots,
    ChatRepliers repliers,
    RunningJobs running,
    InstanceIdentity identity,
    IOptions<QueueOptions> options,
    FinishRetry finishRetry,
    TimeProvider time,
    AppMetrics metrics,
    ILogger<JobRunner> logger)
{
    private readonly QueueOptions _options = options.Value;

    // `hardStop` fires when the host gives up on draining; the job then stays for the next start.
    public async Task RunAsync(JobRecord job, CancellationToken hardStop)
    {
        var started = time.GetTimestamp();
        QueueLog.Started(logger, job.Id, job.Attempts);
        if (job.Attempts <= 1)
        {
            metrics.JobStarted(job.Platform, time.GetUtcNow() - job.CreatedAt);
        }
        using var scope = logger.BeginScope("Job {JobId} on {Platform}/{Tenant}", job.Id, job.Platform, job.Tenant);
        if (repliers.For(job.Platform) is not { } platformReplier)
        {
            QueueLog.NoReplier(logger, job.Platform, job.Id);
            await StoreEndAsync(job.Id, JobState.Failed, "This platform is not configured on the bot.");
            return;
        }

        // Everything this job shows goes through its lease: a process that lost the job (frozen past its lease,
        // taken by another instance) posts nothing more.
        using var fence = new LeaseFence(store, job.Id, identity.Owner, job.Attempts, _options.LeaseDuration, time);
        var replier = new FencedReplier(platformReplier, fence);

        // Reachable for Cancel from the first moment; a cancel that came between the claim and now is in the row.
        using var cancel = new CancellationTokenSource();
        running.Register(job.Id, cancel);
        if (job.CancelRequestedBy is not null || (await store.GetAsync(job.Id, CancellationToken.None))?.CancelRequestedBy is not null)
        {
            await cancel.CancelAsync();
        }

        // The server's settings as they are now, kept with the job for every later attempt.
        job = await snapshots.TakeAsync(job, CancellationToken.None);
        var context = store.ReplyContextFor(job);
        var stored = await store.GetAnswersAsync(job.Id, CancellationToken.None);
        var initial = stages.InitialStatus(job, stored);
        await using var status = new StatusReporter(replier, context, initial, _options.StatusInterval, time, logger);

        using var run = CancellationTokenSource.CreateLinkedTokenSource(hardStop, cancel.Token, fence.LostToken);
        run.CancelAfter(_options.JobTimeout);

        JobState final;
        string? note;
        try
        {
            (final, note) = job.Interrupted >= _options.MaxAttempts
                ? GiveUp(job)
                : await stages.RunAsync(job, replier, context, status, stored, run.Token);
        }
        catch (OperationCanceledException) when (fence.Lost)
        {
            LeaseLog.Lost(logger, job.Id, job.Attempts);
            return;
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            // Back in the queue at once, for whichever instance is next (only if it is still ours to give).
            QueueLog.Released(logger, job.Id);
            if (await fence.HoldsAsync())
            {
                await store.ReleaseAsync(job.Id, time.GetUtcNow(), CancellationToken.None);
            }
            return;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            var by = (await store.GetAsync(job.Id, CancellationToken.None))?.CancelRequestedBy ?? "someone";
            (final, note) = (JobState.Cancelled, $"Cancelled by {by}.");
        }
        catch (OperationCanceledException)
        {
            (final, note) = (JobState.TimedOut, $"Stopped after {Format.Span(_options.JobTimeout)} (the limit set for this bot).");
        }
        catch (AnalysisFailedException ex)
        {
            QueueLog.Failed(logger, job.Id, ex.Message);
            (final, note) = (JobState.Failed, ex.Message);
        }
        catch (Exception ex)
        {
            QueueLog.Crashed(logger, job.Id, ex);
            (final, note) = (JobState.Failed, $"Something went wrong on the bot's side; the operator can find the details in its log under reference {Reference(job.Id)}.");
        }
        finally
        {
            running.Unregister(job.Id);
        }

        if (!await fence.HoldsAsync())
        {
            LeaseLog.Lost(logger, job.Id, job.Attempts);
            return;
        }
        fence.End();
        await StoreEndAsync(job.Id, final, note);
        await status.FinishAsync(s => s with { State = final, Note = note }, CancellationToken.None);
        await NotifyAsync(replier, context, status.Current, job.Id);
        QueueLog.Finished(logger, job.Id, final, time.GetElapsedTime(started).TotalSeconds);
        metrics.JobEnded(job.Platform, Outcome(final), time.GetElapsedTime(started).TotalSeconds);
    }

    // The asker hears the end once; a platform that cannot say it must not fail the job that ended.
    private async Task NotifyAsync(FencedReplier replier, ReplyContext context, JobStatus final, string jobId)
    {
        try
        {
            await replier.NotifyEndAsync(context, final, CancellationToken.None);
        }
        catch (Exception ex)
        {
            QueueLog.StatusFailed(logger, jobId, ex.GetType().Name, ex.Message);
        }
    }

    // The job id's first 8 characters: short enough to quote, and in every log line of the job (its scope).
    public static string Reference(string jobId) => jobId[..Math.Min(8, jobId.Length)];

    // A crash loop: each attempt ended with the process dying (or losing its lease), so another would too.
    private (JobState, string) GiveUp(JobRecord job)
    {
        QueueLog.CrashLoop(logger, job.Id, job.Interrupted);
        return (JobState.Failed, $"The bot stopped {job.Interrupted} times while working on this video, so it will not try again. "
            + "The operator can find the details in its log.");
    }

    // The end is written, tried again while the database refuses (FinishRetry); false when it never was.
    private async Task<bool> StoreEndAsync(string jobId, JobState final, string? note)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.FinishAsync(jobId, final, note, time.GetUtcNow(), CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (ex is DbException or IOException && attempt < finishRetry.Delays.Count)
            {
                QueueLog.FinishRetried(logger, jobId, attempt + 1, ex.GetType().Name, ex.Message);
                await Task.Delay(finishRetry.Delays[attempt], time, CancellationToken.None);
            }
            catch (Exception ex) when (ex is DbException or IOException)
            {
                QueueLog.FinishLost(logger, jobId, ex.GetType().Name, ex.Message);
                return false;
            }
        }
    }

    private static string Outcome(JobState state) => state switch
    {
        JobState.TimedOut => "timed_out",
        _ => state.ToString().ToLowerInvariant(),
    };
}

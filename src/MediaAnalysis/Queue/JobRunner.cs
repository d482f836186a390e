using System.Data.Common;
using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// Runs one claimed job to its end: reachable for Cancel, bounded by Queue:JobTimeout, released on a hard stop,
// its end stored and shown. The stages, and what a resumed job skips, are JobStages'.
public sealed class JobRunner(
    JobStages stages,
    IJobStore store,
    ChatRepliers repliers,
    RunningJobs running,
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
        if (repliers.For(job.Platform) is not { } replier)
        {
            QueueLog.NoReplier(logger, job.Platform, job.Id);
            await StoreEndAsync(job.Id, JobState.Failed, "This platform is not configured on the bot.");
            return;
        }

        // Reachable for Cancel from the first moment; a cancel that came between the claim and now is in the row.
        using var cancel = new CancellationTokenSource();
        running.Register(job.Id, cancel);
        if (job.CancelRequestedBy is not null || (await store.GetAsync(job.Id, CancellationToken.None))?.CancelRequestedBy is not null)
        {
            await cancel.CancelAsync();
        }

        var context = store.ReplyContextFor(job);
        var stored = await store.GetAnswersAsync(job.Id, CancellationToken.None);
        var initial = stages.InitialStatus(job, stored);
        await using var status = new StatusReporter(replier, context, initial, _options.StatusInterval, time, logger);

        using var run = CancellationTokenSource.CreateLinkedTokenSource(hardStop, cancel.Token);
        run.CancelAfter(_options.JobTimeout);

        JobState final;
        string? note;
        try
        {
            (final, note) = job.Interrupted >= _options.MaxAttempts
                ? GiveUp(job)
                : await stages.RunAsync(job, replier, context, status, stored, run.Token);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            QueueLog.Released(logger, job.Id);
            await store.ReleaseAsync(job.Id, time.GetUtcNow(), CancellationToken.None);
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
            (final, note) = (JobState.Failed, "Something went wrong on the bot's side; the operator can find the details in its log.");
        }
        finally
        {
            running.Unregister(job.Id);
        }

        await StoreEndAsync(job.Id, final, note);
        await status.FinishAsync(s => s with { State = final, Note = note }, CancellationToken.None);
        QueueLog.Finished(logger, job.Id, final, time.GetElapsedTime(started).TotalSeconds);
        metrics.JobEnded(job.Platform, Outcome(final), time.GetElapsedTime(started).TotalSeconds);
    }

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

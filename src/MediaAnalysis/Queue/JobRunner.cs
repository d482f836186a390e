using MediaAnalysis.Chat;
using MediaAnalysis.Diagnostics;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Transcription;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// Runs one claimed job to its end, resuming from what the store kept: a stored transcript skips the
// download, extraction and transcription; stored answers are not asked again; posted ones are not posted again.
public sealed class JobRunner(
    IServiceProvider services,
    IJobStore store,
    ChatRepliers repliers,
    JobSignal signal,
    InstanceIdentity identity,
    IOptions<QueueOptions> options,
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
            await store.FinishAsync(job.Id, JobState.Failed, "This platform is not configured on the bot.", time.GetUtcNow(), CancellationToken.None);
            return;
        }

        // Everything this job shows goes through its lease: a process that lost the job (frozen past its lease,
        // taken by another instance) posts nothing more.
        using var fence = new LeaseFence(store, job.Id, identity.Owner, job.Attempts, _options.LeaseDuration, time);
        var replier = new FencedReplier(platformReplier, fence);

        // Reachable for Cancel from the first moment; a cancel that came between the claim and now is in the row.
        using var cancel = new CancellationTokenSource();
        signal.Register(job.Id, cancel);
        if (job.CancelRequestedBy is not null || (await store.GetAsync(job.Id, CancellationToken.None))?.CancelRequestedBy is not null)
        {
            await cancel.CancelAsync();
        }

        var pipeline = services.GetRequiredService<AnalysisPipeline>();
        var prompts = pipeline.FanOut.Prompts;
        var models = pipeline.FanOut.Models;
        var context = new ReplyContext(job.Id, job.Tenant, job.Channel, job.RequesterId, job.SourceName, job.PlatformState,
            (state, ct) => store.SavePlatformStateAsync(job.Id, state, ct));
        var stored = await store.GetAnswersAsync(job.Id, CancellationToken.None);
        var initial = stored.Aggregate(JobStatusExtensions.StatusOf(job, prompts, models), (s, a) => s.WithOutcome(a.Outcome)) with
        {
            State = JobState.Running,
            Note = job.Attempts > 1 ? "The bot restarted; picking up where it left off." : null,
            Words = job.Transcript is { } t ? new Transcript(t, 0, null, null).WordCount : null,
        };
        await using var status = new StatusReporter(replier, context, initial, _options.StatusInterval, time, logger);

        using var run = CancellationTokenSource.CreateLinkedTokenSource(hardStop, cancel.Token, fence.LostToken);
        run.CancelAfter(_options.JobTimeout);

        JobState final;
        string? note;
        try
        {
            (final, note) = await ExecuteAsync(job, pipeline, replier, context, status, stored, run.Token);
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
            (final, note) = (JobState.Failed, "Something went wrong on the bot's side; the operator can find the details in its log.");
        }
        finally
        {
            signal.Unregister(job.Id);
        }

        if (!await fence.HoldsAsync())
        {
            LeaseLog.Lost(logger, job.Id, job.Attempts);
            return;
        }
        fence.End();
        await store.FinishAsync(job.Id, final, note, time.GetUtcNow(), CancellationToken.None);
        await status.FinishAsync(s => s with { State = final, Note = note }, CancellationToken.None);
        QueueLog.Finished(logger, job.Id, final, time.GetElapsedTime(started).TotalSeconds);
        metrics.JobEnded(job.Platform, Outcome(final), time.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<(JobState, string?)> ExecuteAsync(
        JobRecord job,
        AnalysisPipeline pipeline,
        IChatReplier replier,
        ReplyContext context,
        StatusReporter status,
        IReadOnlyList<StoredAnswer> stored,
        CancellationToken cancellationToken)
    {
        var progress = new JobProgress(job.Id, status, store, metrics, time, logger);
        try
        {
            return await ExecuteStagesAsync(job, pipeline, replier, context, stored, progress, cancellationToken);
        }
        finally
        {
            progress.EndStage();
        }
    }

    private static string Outcome(JobState state) => state switch
    {
        JobState.TimedOut => "timed_out",
        _ => state.ToString().ToLowerInvariant(),
    };

    private async Task<(JobState, string?)> ExecuteStagesAsync(
        JobRecord job,
        AnalysisPipeline pipeline,
        IChatReplier replier,
        ReplyContext context,
        IReadOnlyList<StoredAnswer> stored,
        JobProgress progress,
        CancellationToken cancellationToken)
    {
        Transcript transcript;
        if (job.Transcript is { } kept)
        {
            transcript = new Transcript(kept, job.MediaSeconds ?? 0, job.Language, null);
        }
        else
        {
            var source = AnalysisSource.FromUrl(job.VideoUrl, job.SourceName) with { Authorization = replier.DownloadAuthorization };
            (_, transcript) = await pipeline.TranscribeAsync(source, progress, cancellationToken);
            await store.SaveTranscriptAsync(job.Id, transcript.Text, transcript.Language, cancellationToken);
        }
        if (transcript.IsEmpty)
        {
            return (JobState.Failed, "The audio is silent: Deepgram found no words.");
        }
        if (!job.TranscriptPosted)
        {
            await replier.PostTranscriptAsync(context, transcript.Text, cancellationToken);
            await store.MarkTranscriptPostedAsync(job.Id, cancellationToken);
        }

        using var poster = new AnswerPoster(job.Id, pipeline.FanOut.Prompts, pipeline.FanOut.Models, stored, replier, context, store);
        await poster.PostReadyAsync(cancellationToken);
        var answered = stored.Select(a => (a.Outcome.Prompt, a.Outcome.Model)).ToHashSet();
        await pipeline.AnalyzeAsync(transcript, progress, (prompt, model) => answered.Contains((prompt, model)), async outcome =>
        {
            await store.SaveAnswerAsync(job.Id, outcome, cancellationToken);
            await poster.AddAsync(outcome, cancellationToken);
        }, cancellationToken);
        await poster.PostReadyAsync(cancellationToken);
        return (JobState.Done, null);
    }
}

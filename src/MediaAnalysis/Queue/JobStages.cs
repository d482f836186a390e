using MediaAnalysis.Configuration;
using MediaAnalysis.Diagnostics;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Transcription;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// The one orchestrator of a job's stages, and the one place that decides what a resumed job skips: a stored
// transcript skips the download, extraction and transcription; stored answers are not asked again; what was
// posted is not posted again. Every stage's result is stored as it comes, so the next attempt can resume.
public sealed class JobStages(
    AnalysisPipeline pipeline,
    IJobStore store,
    SpendGate gate,
    SpendMeter meter,
    IOptions<AnalysisOptions> analysis,
    IOptions<WebOptions> web,
    VerdictStage verdict,
    AppMetrics metrics,
    TimeProvider time,
    ILogger<JobStages> logger)
{
    // Silence and speech in another language than the one chosen look the same to Deepgram: one message for both.
    public const string NoWords = "Deepgram found no words: the audio may be silent, or in another language than the one chosen.";

    // The job's prompts, models and answer language: its settings snapshot (its server's, when it started), else the operator's.
    public AnalysisPlan PlanFor(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return AnalysisPlan.For(JobSettings.Parse(job.SettingsSnapshot), analysis.Value);
    }

    private static IReadOnlyList<string> PromptNames(AnalysisPlan plan) => [.. plan.Prompts.Select(p => p.Name)];

    // What the status message shows before any stage runs: what a previous attempt already did.
    public JobStatus InitialStatus(JobRecord job, IReadOnlyList<StoredAnswer> stored)
    {
        ArgumentNullException.ThrowIfNull(job);
        var plan = PlanFor(job);
        return JobStatus.FromStored(job, PromptNames(plan), plan.Models, stored) with
        {
            State = JobState.Running,
            Note = job.Attempts > 1 ? "The bot restarted; picking up where it left off." : null,
            Words = job.Transcript is { } t ? new Transcript(t, 0, null, null).WordCount : null,
            LanguageChosen = Kept(job)?.LanguageChosen ?? job.RequestedLanguage is not null,
            PageUrl = job.PageToken is { } token ? web.Value.PageUrl(token) : null,
        };
    }

    // The transcript a previous attempt stored: with its paragraphs, or (a row from before they were kept) plain.
    public static Transcript? Kept(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Transcript is not { } text)
        {
            return null;
        }
        var (paragraphs, chosen) = TranscriptDocument.Read(job.TranscriptParagraphs);
        return new Transcript(text, job.MediaSeconds ?? 0, job.Language, null)
        {
            Paragraphs = paragraphs,
            LanguageChosen = chosen,
        };
    }

    public async Task<(JobState State, string? Note)> RunAsync(
        JobRecord job,
        IChatReplier replier,
        ReplyContext context,
        StatusReporter status,
        IReadOnlyList<StoredAnswer> stored,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(replier);
        // The verdict is stored among the answers but is no answer: the verdict stage alone reads it.
        stored = [.. stored.Where(a => !PanelVerdict.Is(a.Outcome))];
        var plan = PlanFor(job);
        using var poster = new AnswerPoster(job.Id, PromptNames(plan), plan.Models, stored, replier, context, store);
        var progress = new JobProgress(job, status, store, poster, meter, metrics, [.. plan.Models], time, logger);
        try
        {
            var (state, note) = await RunStagesAsync(job, plan, replier, context, stored, poster, progress, cancellationToken);
            // The job that crossed 80% of its server's budget keeps saying so in its final status.
            return (state, note ?? progress.BudgetNotice);
        }
        finally
        {
            progress.EndStage();
        }
    }

    private async Task<(JobState, string?)> RunStagesAsync(
        JobRecord job,
        AnalysisPlan plan,
        IChatReplier replier,
        ReplyContext context,
        IReadOnlyList<StoredAnswer> stored,
        AnswerPoster poster,
        JobProgress progress,
        CancellationToken cancellationToken)
    {
        Transcript transcript;
        if (Kept(job) is { } kept)
        {
            transcript = kept;
        }
        else
        {
            var settings = JobSettings.Parse(job.SettingsSnapshot);
            var source = AnalysisSource.FromUrl(job.VideoUrl, job.SourceName) with
            {
                Authorization = replier.DownloadAuthorization,
                Language = job.RequestedLanguage,
                BeforeSpending = (media, ct) => gate.CheckEstimateAsync(job, media.Duration, ct),
                KeyTerms = settings.Glossary ?? [],
                MaxMinutes = settings.MaxMinutes,
            };
            (_, transcript) = await pipeline.TranscribeAsync(source, progress, cancellationToken);
            // Billed before it is stored: a kill in between re-transcribes on resume, and the ledger's key keeps one row.
            await progress.BillTranscriptAsync(transcript, cancellationToken);
            await store.SaveTranscriptAsync(job.Id, transcript.Text, transcript.Language,
                transcript.Paragraphs.Count == 0 ? null : TranscriptDocument.Write(transcript.Paragraphs, transcript.LanguageChosen),
                cancellationToken);
        }
        if (transcript.IsEmpty)
        {
            return (JobState.Failed, NoWords);
        }
        if (!job.TranscriptPosted)
        {
            await replier.PostTranscriptAsync(context, TranscriptText.File(job.SourceName, transcript), cancellationToken);
            await store.MarkTranscriptPostedAsync(job.Id, cancellationToken);
        }

        await poster.PostReadyAsync(cancellationToken);
        var answered = stored.Select(a => (a.Outcome.Prompt, a.Outcome.Model)).ToHashSet();
        await pipeline.AnalyzeAsync(transcript, plan, answered, progress, cancellationToken);
        await poster.PostReadyAsync(cancellationToken);
        await verdict.RunAsync(job, replier, context, cancellationToken);
        return (JobState.Done, null);
    }
}

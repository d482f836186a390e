using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Audio;
using MediaAnalysis.Pipeline.Download;
using MediaAnalysis.Pipeline.Transcription;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline;

// The stages in order. Two halves, so that a job resumed after a restart can skip the first when its
// transcript was kept: TranscribeAsync (source → transcript, media deleted at the end) and AnalyzeAsync.
public sealed class AnalysisPipeline(
    VideoDownloader downloader,
    MediaInspector inspector,
    AudioExtractor extractor,
    DeepgramClient deepgram,
    ModelFanOut fanOut,
    MediaSlots slots,
    TempFolders tempFolders,
    IOptions<MediaOptions> media,
    TimeProvider time,
    ILogger<AnalysisPipeline> logger)
{
    public async Task<AnalysisResult> RunAsync(AnalysisSource source, IAnalysisObserver progress, CancellationToken cancellationToken)
    {
        var (info, transcript) = await TranscribeAsync(source, progress, cancellationToken);
        var outcomes = await AnalyzeAsync(transcript, answered: new HashSet<(string, string)>(), progress, cancellationToken);
        return new AnalysisResult(info, transcript, outcomes);
    }

    public async Task<(MediaInfo Media, Transcript Transcript)> TranscribeAsync(
        AnalysisSource source,
        IAnalysisObserver progress,
        CancellationToken cancellationToken)
    {
        await using var workspace = tempFolders.Create();
        MediaInfo info;
        ExtractedAudio audio;
        using (await slots.EnterAsync(cancellationToken))
        {
            (info, audio) = await PrepareAudioAsync(source, workspace, progress, cancellationToken);
        }

        progress.StageStarted(AnalysisStage.Transcribing);
        var started = time.GetTimestamp();
        var transcript = await deepgram.TranscribeAsync(audio.Path, audio.ContentType, audio.Duration, source.Language, source.KeyTerms, cancellationToken);
        PipelineLog.StageDone(logger, AnalysisStage.Transcribing, time.GetElapsedTime(started).TotalSeconds);
        progress.Transcribed(transcript);
        return (info, transcript);
    }

    // Source → audio file, the part that holds a video on disk and runs ffmpeg: at most
    // Media:MaxConcurrentDownloads jobs are in it at once (MediaSlots).
    private async Task<(MediaInfo Info, ExtractedAudio Audio)> PrepareAudioAsync(
        AnalysisSource source,
        JobWorkspace workspace,
        IAnalysisObserver progress,
        CancellationToken cancellationToken)
    {
        var (path, size, name, early) = await ObtainAsync(source, workspace, progress, cancellationToken);
        await using var _ = early;

        progress.StageStarted(AnalysisStage.Probing);
        var started = time.GetTimestamp();
        var probed = early is null ? null : await early.ProbedAsync();
        // A whole file (local, moov at the end, or the early path gave up): an MP4's AAC track is copied
        // in-process; anything else, and every bad file, is ffprobe's and ffmpeg's.
        Mp4AacTrack? track = null;
        if (probed is null)
        {
            track = Mp4AacTrack.TryReadWhole(path, out var whyNot);
            if (track is null)
            {
                PipelineLog.LeftToFfmpeg(logger, whyNot ?? "unknown");
            }
        }
        probed ??= track?.ToProbedMedia() ?? await inspector.InspectAsync(path, workspace.Path, cancellationToken);
        PipelineLog.StageDone(logger, AnalysisStage.Probing, time.GetElapsedTime(started).TotalSeconds);
        DurationLimit.Check(probed, media.Value.MaxDurationMinutes, source.MaxMinutes, logger);
        var info = new MediaInfo(name, size, probed.Duration, probed.AudioCodec, probed.HasVideo);
        progress.MediaReady(info);
        if (source.BeforeSpending is { } check)
        {
            await check(info, cancellationToken);
        }

        // For a faststart MP4 that arrived by URL, ffmpeg has been following the download: what is left here
        // is its last moments. Otherwise (a local file, moov at the end) it reads the whole file now.
        progress.StageStarted(AnalysisStage.Extracting);
        started = time.GetTimestamp();
        var audio = (early is null ? null : await early.AudioAsync(size, cancellationToken))
            ?? (track is null ? null : await extractor.CopyAacAsync(track, path, workspace.Path, growing: null, cancellationToken))
            ?? await extractor.ExtractAsync(path, probed, workspace.Path, cancellationToken);
        PipelineLog.StageDone(logger, AnalysisStage.Extracting, time.GetElapsedTime(started).TotalSeconds);
        progress.AudioExtracted(audio.Duration, audio.SizeBytes);
        if (source.LocalPath is null)
        {
            File.Delete(path); // the video is no longer needed; free the disk before the long upload
        }
        return (info, audio);
    }

    // Silence gives no model call: there is nothing to ask about. `answered` names (prompt, model) pairs
    // answered before a restart; each other call's outcome goes to the observer as it ends.
    public Task<IReadOnlyList<ModelOutcome>> AnalyzeAsync(
        Transcript transcript,
        IReadOnlySet<(string Prompt, string Model)> answered,
        IAnalysisObserver progress,
        CancellationToken cancellationToken) =>
        AnalyzeAsync(transcript, new AnalysisPlan(fanOut.Prompts, fanOut.Models, null), answered, progress, cancellationToken);

    // With a job's own prompts, models and answer language (AnalysisPlan.For its settings).
    public async Task<IReadOnlyList<ModelOutcome>> AnalyzeAsync(
        Transcript transcript,
        AnalysisPlan plan,
        IReadOnlySet<(string Prompt, string Model)> answered,
        IAnalysisObserver progress,
        CancellationToken cancellationToken)
    {
        if (transcript.IsEmpty)
        {
            return [];
        }
        progress.StageStarted(AnalysisStage.Analyzing);
        var started = time.GetTimestamp();
        var outcomes = await fanOut.RunAsync(transcript, plan, answered, progress, cancellationToken);
        PipelineLog.StageDone(logger, AnalysisStage.Analyzing, time.GetElapsedTime(started).TotalSeconds);
        return outcomes;
    }

    private async Task<(string Path, long Size, string Name, EarlyExtraction? Early)> ObtainAsync(
        AnalysisSource source,
        JobWorkspace workspace,
        IAnalysisObserver progress,
        CancellationToken cancellationToken)
    {
        if (source.LocalPath is { } local)
        {
            if (!File.Exists(local))
            {
                throw new AnalysisFailedException(FailureKind.SourceRefused, $"There is no file at {local}.");
            }
            return (local, new FileInfo(local).Length, source.DisplayName, null);
        }
        progress.StageStarted(AnalysisStage.Downloading);
        var started = time.GetTimestamp();
        var destination = workspace.File("source.media");
        var growing = new GrowingFile();
        // ffmpeg waits for the download at most as long as the download waits for the network.
        var early = EarlyExtraction.Start(destination, growing, inspector, extractor, workspace.Path,
            media.Value.DownloadIdleTimeout + TimeSpan.FromSeconds(5), time, logger, cancellationToken);
        try
        {
            var file = await downloader.DownloadAsync(source.Url!, destination, source.Authorization, cancellationToken, growing);
            PipelineLog.StageDone(logger, AnalysisStage.Downloading, time.GetElapsedTime(started).TotalSeconds);
            return (file.Path, file.SizeBytes, file.FileName is { } n ? FileNames.Sanitize(n) : source.DisplayName, early);
        }
        catch
        {
            await early.DisposeAsync();
            throw;
        }
        finally
        {
            growing.End();
        }
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Pipeline.Audio;

// Extracts the audio of a faststart MP4 while it is still downloading: once its index (moov) is on disk, an AAC
// track is copied chunk by chunk as the download passes it (Mp4AacTrack); any other track is probed by ffprobe
// on the head of the file and ffmpeg follows the growing file, so the audio is ready moments after the last
// byte arrives and the video is read from the page cache right after it was written, never again from disk.
// Anything unusual (moov at the end, not an MP4, a probe or ffmpeg failure, a file cut short) makes it step
// aside: the pipeline then probes and extracts the whole file as before, and that run gives the verdict.
public sealed class EarlyExtraction : IAsyncDisposable
{
    // Some samples after the index, so that ffprobe's look at the streams finds packets to read.
    private const long ProbeMargin = 512 * 1024;

    private readonly string _path;
    private readonly CancellationTokenSource _stop;
    private readonly Task<Started?> _run;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private EarlyExtraction(string path, CancellationTokenSource stop, Func<CancellationToken, Task<Started?>> run, TimeProvider time, ILogger logger)
    {
        _path = path;
        _time = time;
        _stop = stop;
        _logger = logger;
        _run = run(stop.Token);
    }

    private sealed record Started(ProbedMedia Probed, Task<ExtractedAudio> Audio, long StartedAt, string How);

    public static EarlyExtraction Start(
        string path,
        GrowingFile file,
        MediaInspector inspector,
        AudioExtractor extractor,
        string workingDirectory,
        TimeSpan patience,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inputs = new Inputs(path, file, inspector, extractor, workingDirectory, patience, time, logger);
        return new EarlyExtraction(path, stop, token => RunAsync(inputs, token), time, logger);
    }

    // The probe made on the head of the file, or null: probe the whole file.
    public async Task<ProbedMedia?> ProbedAsync()
    {
        try
        {
            return (await _run)?.Probed;
        }
        catch (Exception ex) when (ex is OperationCanceledException or AnalysisFailedException)
        {
            return null;
        }
    }

    // After a complete download of `length` bytes: the audio, or null (extract from the whole file).
    public async Task<ExtractedAudio?> AudioAsync(long length, CancellationToken cancellationToken)
    {
        Started? started;
        try
        {
            started = await _run;
        }
        catch (Exception ex) when (ex is OperationCanceledException or AnalysisFailedException)
        {
            return null;
        }
        if (started is null)
        {
            return null;
        }
        if (!Mp4Layout.IsWhole(_path, length))
        {
            // ffmpeg would wait at the end of the file for samples that will never come.
            await StopAsync();
            return null;
        }
        var downloadEnded = _time.GetTimestamp();
        try
        {
            var audio = await started.Audio;
            PipelineLog.ExtractedWhileDownloading(_logger, started.How,
                _time.GetElapsedTime(started.StartedAt).TotalSeconds, _time.GetElapsedTime(downloadEnded).TotalSeconds);
            return audio;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or AnalysisFailedException)
        {
            return null;
        }
    }

    // Stops ffprobe/ffmpeg if they still run and waits until they have exited, so the job's folder can go.
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (await _run is { } started)
            {
                await started.Audio;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or AnalysisFailedException)
        {
            // stopped, or failed: either way nothing runs any more
        }
    }

    private sealed record Inputs(
        string Path, GrowingFile File, MediaInspector Inspector, AudioExtractor Extractor, string WorkingDirectory,
        TimeSpan Patience, TimeProvider Time, ILogger Logger);

    private static async Task<Started?> RunAsync(Inputs inputs, CancellationToken cancellationToken)
    {
        var (path, file, inspector, extractor, workingDirectory, patience, time, logger) = inputs;
        await Task.Yield(); // the caller goes on to start the download
        long needed = 16;
        Mp4Layout.Head head;
        while (true)
        {
            if (!await file.WaitForAsync(needed, cancellationToken))
            {
                return null; // the download ended before its head was readable: nothing to overlap
            }
            head = Mp4Layout.Read(path, file.Written);
            if (head.Kind != Mp4Layout.Kind.NeedMore)
            {
                break;
            }
            needed = head.Needed;
        }
        if (head.Kind != Mp4Layout.Kind.MoovFirst)
        {
            return null;
        }
        // An AAC track is copied here as its chunks arrive; anything else is ffprobe's and ffmpeg's. The index
        // is read once all of it is on disk (a 1 GB video's is ~3 MB: several reads of the network).
        if (!await file.WaitForAsync(head.MoovEnd, cancellationToken))
        {
            return null;
        }
        if (Mp4AacTrack.TryRead(path, head.MoovStart, head.MoovEnd, out var whyNot) is { } track)
        {
            return new Started(track.ToProbedMedia(), CopyAsync(track, path, file, extractor, workingDirectory, cancellationToken), time.GetTimestamp(), "copied");
        }
        PipelineLog.LeftToFfmpeg(logger, whyNot ?? "unknown");
        await file.WaitForAsync(head.MoovEnd + ProbeMargin, cancellationToken); // or the end of a smaller file
        var probed = await inspector.InspectAsync(path, workingDirectory, cancellationToken);
        var startedAt = time.GetTimestamp();
        return new Started(probed, extractor.ExtractAsync(path, probed, workingDirectory, cancellationToken, patience), startedAt, "ffmpeg");
    }

    private static async Task<ExtractedAudio> CopyAsync(
        Mp4AacTrack track, string path, GrowingFile file, AudioExtractor extractor, string workingDirectory, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return await extractor.CopyAacAsync(track, path, workingDirectory, file, cancellationToken)
            ?? throw new AnalysisFailedException(FailureKind.BadMedia, "the download ended before the audio did"); // the whole-file path gives the verdict
    }
}

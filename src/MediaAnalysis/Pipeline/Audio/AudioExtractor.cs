using System.Globalization;
using FFMpegCore;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Pipeline.Audio;

// ffmpeg, file to file: an MP4 whose moov atom sits at the end cannot be read from a pipe.
public sealed class AudioExtractor(FFmpegLocator ffmpeg, TimeProvider time, ILogger<AudioExtractor> logger)
{
    // The AAC track of an MP4 copied to ADTS in-process (Mp4AacTrack), the same bytes as ffmpeg's copy. With
    // `growing`, the video is still downloading and each chunk is copied once it has arrived. Null when the file
    // ends before the track does: the caller then lets ffprobe and ffmpeg give the verdict.
    public async Task<ExtractedAudio?> CopyAacAsync(
        Mp4AacTrack track,
        string input,
        string workingDirectory,
        GrowingFile? growing,
        CancellationToken cancellationToken)
    {
        var output = Path.Combine(workingDirectory, "audio.aac");
        var started = time.GetTimestamp();
        bool whole;
        try
        {
            whole = await track.CopyAsync(input, output, growing, cancellationToken);
        }
        catch (IOException ex) when (VideoDownloader.IsDiskFull(ex))
        {
            PipelineLog.ExtractFailed(logger, 0, ex.Message);
            throw new AnalysisFailedException(FailureKind.ExtractionFailed, "The bot's disk is full, so the audio could not be extracted. Try again later.");
        }
        if (!whole)
        {
            File.Delete(output);
            return null;
        }
        var size = new FileInfo(output).Length;
        PipelineLog.AacCopied(logger, size, time.GetElapsedTime(started).TotalSeconds);
        return new ExtractedAudio(output, "audio/aac", size, track.Duration, Copied: true);
    }

    // `patience` set: the input is still being written (a faststart MP4 downloading), so ffmpeg follows
    // it, waiting at its end for more, and gives up after that long without a byte. The demuxer stops
    // by itself after the last sample its index names.
    public async Task<ExtractedAudio> ExtractAsync(
        string input,
        ProbedMedia media,
        string workingDirectory,
        CancellationToken cancellationToken,
        TimeSpan? patience = null)
    {
        var format = AudioFormat.For(media.AudioCodec);
        var output = Path.Combine(workingDirectory, "audio" + format.Extension);
        long lastMicros = 0;

        // The registration FFMpegCore makes on the token lives as long as the token: give it one of ours.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var processor = FFMpegArguments
            .FromFileInput(input, verifyExists: true, o =>
            {
                o.WithCustomArgument(FFmpegLocator.InputWhitelist);
                if (patience is { } wait)
                {
                    o.WithCustomArgument(FormattableString.Invariant($"-follow 1 -rw_timeout {(long)wait.TotalMicroseconds}"));
                }
            })
            .OutputToFile(output, overwrite: true, o => o.WithCustomArgument(
                $"-map 0:{media.AudioStreamIndex} -vn -sn -dn -map_metadata -1 {format.FFmpegArguments} -v error -nostats -progress pipe:1"))
            .NotifyOnStandardOutput(line =>
            {
                if (line.StartsWith("out_time_us=", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan(12), NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros))
                {
                    Interlocked.Exchange(ref lastMicros, micros);
                }
            })
            .CancellableThrough(run.Token, TimeSpan.Zero);

        var result = await ChildPriority.StartAsync(() => processor.ProcessAsynchronously(throwOnError: false, ffmpeg.Options(workingDirectory), CancellationToken.None));
        cancellationToken.ThrowIfCancellationRequested();
        var stderr = string.Join('\n', result.StandardError);
        if (!result.Success)
        {
            PipelineLog.ExtractFailed(logger, result.ExitCode, MediaInspector.Tail(stderr));
            throw new AnalysisFailedException(
                stderr.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) ? FailureKind.ExtractionFailed : FailureKind.BadMedia,
                stderr.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
                    ? "The bot's disk is full, so the audio could not be extracted. Try again later."
                    : "I couldn't extract the audio from this file (it may be corrupt or truncated).");
        }

        var size = File.Exists(output) ? new FileInfo(output).Length : 0;
        var extracted = TimeSpan.FromMicroseconds(Interlocked.Read(ref lastMicros));
        // ffmpeg exits 0 on a file whose data ends early; the audio it wrote is then shorter than promised.
        if (size == 0 || extracted < (media.AudioDuration * 0.9) - TimeSpan.FromSeconds(1))
        {
            PipelineLog.ExtractShort(logger, extracted.TotalSeconds, media.AudioDuration.TotalSeconds, MediaInspector.Tail(stderr));
            throw new AnalysisFailedException(FailureKind.BadMedia,
                "I couldn't read this file as a video (it looks truncated: the audio stops before the end).");
        }
        return new ExtractedAudio(output, format.ContentType, size, extracted, format.Copies);
    }
}

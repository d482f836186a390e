using FFMpegCore;
using FFMpegCore.Exceptions;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Audio;

// ffprobe, turned into a yes or a reason a person understands.
public sealed class MediaInspector(FFmpegLocator ffmpeg, ILogger<MediaInspector> logger)
{
    public async Task<ProbedMedia> InspectAsync(string path, string workingDirectory, CancellationToken cancellationToken)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await ChildPriority.StartAsync(() => FFProbe.AnalyseAsync(path, ffmpeg.Options(workingDirectory), FFmpegLocator.InputWhitelist, cancellationToken));
        }
        catch (FFProbeProcessException ex)
        {
            var stderr = string.Join('\n', ex.StandardError);
            PipelineLog.ProbeFailed(logger, Tail(stderr));
            throw new AnalysisFailedException(FailureKind.BadMedia, Explain(stderr, LooksLikeMp4(path)), ex);
        }
        catch (FFMpegException ex) when (ex is not FFProbeProcessException)
        {
            PipelineLog.ProbeFailed(logger, ex.Message);
            throw new AnalysisFailedException(FailureKind.BadMedia, "I couldn't read this file as a video or audio file.", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            PipelineLog.ProbeFailed(logger, ex.Message);
            throw new AnalysisFailedException(FailureKind.BadMedia, "I couldn't read this file as a video or audio file.", ex);
        }

        var audio = analysis.PrimaryAudioStream;
        if (audio is null)
        {
            throw new AnalysisFailedException(FailureKind.BadMedia, analysis.VideoStreams.Count > 0
                ? "This video has no sound, so there is nothing to transcribe."
                : "I couldn't find any audio or video in this file.");
        }
        var duration = analysis.Duration > TimeSpan.Zero ? analysis.Duration : audio.Duration;
        var audioDuration = audio.Duration > TimeSpan.Zero ? audio.Duration : duration;
        return new ProbedMedia(duration, audioDuration, audio.CodecName ?? "unknown", audio.Index,
            analysis.VideoStreams.Any(v => v.Disposition?.GetValueOrDefault("attached_pic") != true));
    }

    internal static string Explain(string stderr, bool looksLikeMp4)
    {
        // ffprobe picks its reader by the file name, so a text file named .mp4 also lacks a moov atom:
        // only a file that starts like an MP4 (a box such as ftyp at offset 4) is a truncated one.
        if (looksLikeMp4 && stderr.Contains("moov atom not found", StringComparison.OrdinalIgnoreCase))
        {
            return "I couldn't read this file as a video (it looks truncated: the download or upload may not have finished).";
        }
        if (stderr.Contains("Invalid data found when processing input", StringComparison.OrdinalIgnoreCase)
            || stderr.Contains("not on whitelist", StringComparison.OrdinalIgnoreCase))
        {
            return "That file isn't a video or audio file I can read.";
        }
        return "I couldn't read this file as a video (it may be corrupt).";
    }

    private static bool LooksLikeMp4(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
        {
            return false;
        }
        var box = head[4..];
        return box.SequenceEqual("ftyp"u8) || box.SequenceEqual("moov"u8) || box.SequenceEqual("mdat"u8)
            || box.SequenceEqual("free"u8) || box.SequenceEqual("wide"u8) || box.SequenceEqual("skip"u8);
    }

    internal static string Tail(string text) => text.Length <= 500 ? text : text[^500..];
}

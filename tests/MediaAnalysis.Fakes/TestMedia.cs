using System.Globalization;

namespace MediaAnalysis.Fakes;

// Media made by real ffmpeg from lavfi sources, small (320x240) so each file takes well under a second.
public static class TestMedia
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);

    private const string Size = "320x240";

    public static async Task<string> CreateAsync(TestVideoKind kind, string directory, TimeSpan? duration = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        var seconds = Seconds(duration ?? DefaultDuration);
        var path = Path.Combine(directory, $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}"
            + (kind == TestVideoKind.AudioOnlyMp3 ? ".mp3" : ".mp4"));
        switch (kind)
        {
            case TestVideoKind.Normal:
                await Ffmpeg.RunAsync(path, [.. Video(seconds), .. Sine(seconds), .. H264AndAac("800k"), "-movflags", "+faststart"], ct);
                ExpectMoov(path, beforeMdat: true);
                break;
            case TestVideoKind.MoovAtEnd:
                await Ffmpeg.RunAsync(path, [.. Video(seconds), .. Sine(seconds), .. H264AndAac("800k")], ct);
                ExpectMoov(path, beforeMdat: false);
                break;
            case TestVideoKind.NoAudio:
                await Ffmpeg.RunAsync(path, [.. Video(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-an", "-movflags", "+faststart"], ct);
                break;
            case TestVideoKind.Truncated:
                await CreateTruncatedAsync(path, seconds, ct);
                break;
            case TestVideoKind.NotAVideo:
                await File.WriteAllTextAsync(path, "This is a text file, not a video.\nIt only has a video's name.\n", ct);
                break;
            case TestVideoKind.Silent:
                await Ffmpeg.RunAsync(path, [.. Video(seconds), "-f", "lavfi", "-i", $"anullsrc=channel_layout=mono:sample_rate=44100:duration={seconds}",
                    .. H264AndAac("800k"), "-movflags", "+faststart"], ct);
                break;
            case TestVideoKind.Mp3InMp4:
                await Ffmpeg.RunAsync(path, [.. Video(seconds), .. Sine(seconds), "-map", "0:v", "-map", "1:a",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-b:v", "800k",
                    "-c:a", "libmp3lame", "-b:a", "64k", "-shortest", "-movflags", "+faststart"], ct);
                ExpectMoov(path, beforeMdat: true);
                break;
            case TestVideoKind.AudioOnlyMp3:
                await Ffmpeg.RunAsync(path, [.. Sine(seconds), "-c:a", "libmp3lame", "-b:a", "64k"], ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        return path;
    }

    // A long video near approxBytes, cheaply: encode a short constant-bitrate clip once, then loop it
    // with stream copy (no re-encode) to the full length, moov moved to the front.
    public static async Task<string> CreateLargeAsync(string directory, TimeSpan duration, long approxBytes, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(approxBytes);
        Directory.CreateDirectory(directory);
        var seconds = duration.TotalSeconds;
        var totalKbps = approxBytes * 8 / seconds / 1000;
        var audioKbps = totalKbps < 256 ? 32 : 64;
        // x264's CBR lands about 1 % under target, which roughly pays for the moov (~0.25 %) and framing.
        var videoKbps = Math.Max(32, (int)(totalKbps - audioKbps));
        var clipSeconds = Seconds(TimeSpan.FromSeconds(Math.Min(10, seconds)));
        var id = Guid.NewGuid().ToString("N")[..8];
        var clip = Path.Combine(directory, $"clip-{id}.mp4");
        var path = Path.Combine(directory, $"large-{id}.mp4");
        var rate = videoKbps.ToString(CultureInfo.InvariantCulture) + "k";
        try
        {
            // nal-hrd=cbr pads with filler so even a simple test pattern reaches the requested bitrate.
            await Ffmpeg.RunAsync(clip, [.. Video(clipSeconds), .. Sine(clipSeconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-b:v", rate, "-minrate", rate, "-maxrate", rate, "-bufsize", rate, "-x264-params", "nal-hrd=cbr",
                "-c:a", "aac", "-b:a", $"{audioKbps}k", "-shortest"], ct);
            await Ffmpeg.RunAsync(path, ["-stream_loop", "-1", "-i", clip, "-t", Seconds(duration), "-c", "copy", "-movflags", "+faststart"], ct);
        }
        finally
        {
            File.Delete(clip);
        }
        return path;
    }

    private static async Task CreateTruncatedAsync(string path, string seconds, CancellationToken ct)
    {
        var whole = path + ".whole.mp4";
        try
        {
            await Ffmpeg.RunAsync(whole, [.. Video(seconds), .. Sine(seconds), .. H264AndAac("800k")], ct);
            ExpectMoov(whole, beforeMdat: false);
            await using var source = File.OpenRead(whole);
            await using var target = File.Create(path);
            var half = source.Length / 2;
            var buffer = new byte[81920];
            for (long copied = 0; copied < half;)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, half - copied)), ct);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                copied += read;
            }
        }
        finally
        {
            File.Delete(whole);
        }
        if (Mp4Atoms.IndexOf(path, "moov") >= 0)
        {
            throw new InvalidOperationException($"{path} still has a moov atom after truncation");
        }
    }

    private static void ExpectMoov(string path, bool beforeMdat)
    {
        var moov = Mp4Atoms.IndexOf(path, "moov");
        var mdat = Mp4Atoms.IndexOf(path, "mdat");
        if (moov < 0 || mdat < 0 || (moov < mdat) != beforeMdat)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(path)}: expected moov {(beforeMdat ? "before" : "after")} mdat, got [{string.Join(", ", Mp4Atoms.TopLevel(path))}]");
        }
    }

    private static string[] Video(string seconds) =>
        ["-f", "lavfi", "-i", $"testsrc2=size={Size}:rate=25:duration={seconds}"];

    private static string[] Sine(string seconds) =>
        ["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=44100:duration={seconds}"];

    private static string[] H264AndAac(string videoRate) =>
        ["-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-b:v", videoRate,
         "-c:a", "aac", "-b:a", "64k", "-shortest"];

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

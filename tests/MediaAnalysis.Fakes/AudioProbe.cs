using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaAnalysis.Fakes;

// What the fake Deepgram "hears": ffprobe must read the container and find audio, ffmpeg must decode
// it. Null means Deepgram's "corrupt or unsupported data".
internal static partial class AudioProbe
{
    // Digital silence decodes to about -91 dB in volumedetect; anything audible is far above.
    public const double SilenceDb = -90;

    // decode false: read the packets without decoding (no silence check, the length from the ADTS frame
    // headers, or else from ffmpeg's packet timestamps) - for load runs, where a child process per request,
    // let alone decoding an hour of audio, would eat the CPU the app is measured on.
    public static async Task<AudioFacts?> ProbeAsync(string file, CancellationToken ct, bool decode = true)
    {
        if (!decode && AdtsDuration.Of(file) is { } adtsSeconds)
        {
            return new AudioFacts(adtsSeconds, 0);
        }
        var probe = await ProcessRunner.RunAsync("ffprobe",
            ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=sample_rate,channels:format=duration",
             "-of", "default=nw=1", file], ct);
        if (probe.ExitCode != 0)
        {
            return null;
        }
        var fields = probe.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToLookup(pair => pair[0], pair => pair[1]);
        if (Number(fields["sample_rate"].FirstOrDefault()) is not { } rate || Number(fields["channels"].FirstOrDefault()) is not { } channels)
        {
            return null;
        }

        if (!decode)
        {
            var read = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-nostats", "-v", "error", "-i", file, "-map", "0:a:0", "-c", "copy", "-f", "null", "-progress", "pipe:1", "-"], ct);
            var end = OutTime().Matches(read.Stdout) is { Count: > 0 } times ? double.Parse(times[^1].Groups[1].Value, CultureInfo.InvariantCulture) / 1e6 : 0;
            return read.ExitCode == 0 && end > 0 ? new AudioFacts(end, 0) : null;
        }
        var decoded = await ProcessRunner.RunAsync("ffmpeg",
            ["-nostdin", "-nostats", "-v", "info", "-i", file, "-vn", "-af", "volumedetect", "-f", "null", "-"], ct);
        var maxVolume = MaxVolume().Match(decoded.Stderr);
        if (decoded.ExitCode != 0 || !maxVolume.Success)
        {
            return null;
        }
        // Decoded samples give the true length; for raw ADTS ffprobe only estimates it from the bitrate
        // (2 % short on an hour).
        var samples = SampleCount().Match(decoded.Stderr);
        var seconds = samples.Success && rate > 0 && channels > 0
            ? double.Parse(samples.Groups[1].Value, CultureInfo.InvariantCulture) / channels / rate
            : Number(fields["duration"].FirstOrDefault()) ?? 0;
        if (seconds <= 0)
        {
            return null;
        }
        var loudest = maxVolume.Groups[1].Value == "-inf"
            ? double.NegativeInfinity
            : double.Parse(maxVolume.Groups[1].Value, CultureInfo.InvariantCulture);
        return new AudioFacts(seconds, loudest);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"max_volume:\s*(-inf|-?\d+(?:\.\d+)?)\s*dB")]
    private static partial Regex MaxVolume();

    [GeneratedRegex(@"out_time_us=(\d+)")]
    private static partial Regex OutTime();

    [GeneratedRegex(@"n_samples:\s*(\d+)")]
    private static partial Regex SampleCount();

    internal sealed record AudioFacts(double Seconds, double MaxVolumeDb)
    {
        public bool IsSilent => MaxVolumeDb <= SilenceDb;
    }
}

using System.Diagnostics;

namespace MediaAnalysis.Tests.Support;

// ffprobe from a test: what a file really holds, read by the same tool a person would use.
public static class Ffprobe
{
    public static async Task<string> RunAsync(string arguments, string file)
    {
        using var process = Process.Start(new ProcessStartInfo("ffprobe", $"-v error {arguments} \"{file}\"") { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    // The length of an AAC track from its packets (1,024 samples each): exact, where the duration of an
    // ADTS file is only estimated from its size.
    public static async Task<double> AacSecondsAsync(string file)
    {
        var values = (await RunAsync("-select_streams a:0 -count_packets -show_entries stream=nb_read_packets,sample_rate -of default=nw=1", file))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('='))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
        return values["nb_read_packets"] * 1024 / values["sample_rate"];
    }

    // One entry, e.g. "format=duration" or "stream=codec_type", as plain text.
    public static async Task<string> ValueAsync(string entry, string file) =>
        (await RunAsync($"-show_entries {entry} -of csv=p=0", file)).Trim();
}

// ffmpeg from a test, with its arguments as one command line: fails the test with ffmpeg's own words.
public static class FfmpegCli
{
    public static async Task RunAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", "-nostdin -y -v error " + arguments) { RedirectStandardError = true })!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
    }
}

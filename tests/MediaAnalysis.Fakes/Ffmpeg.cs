namespace MediaAnalysis.Fakes;

internal static class Ffmpeg
{
    // Runs ffmpeg and insists on a non-empty output file, throwing with ffmpeg's own words otherwise.
    public static async Task RunAsync(string output, IEnumerable<string> arguments, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-y", "-v", "error", .. arguments, output], ct);
        if (result.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
        {
            throw new InvalidOperationException(
                $"ffmpeg failed for {Path.GetFileName(output)} (exit {result.ExitCode}): {result.Stderr.Trim()}");
        }
    }
}

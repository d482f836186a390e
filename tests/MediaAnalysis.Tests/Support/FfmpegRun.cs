using System.Diagnostics;

namespace MediaAnalysis.Tests.Support;

// ffmpeg for a test's own media (the fakes' Ffmpeg helper is internal to them).
public static class FfmpegRun
{
    public static async Task MakeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-nostdin", "-y", "-v", "error", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var ffmpeg = Process.Start(start)!;
        var stdout = ffmpeg.StandardOutput.ReadToEndAsync();
        var error = await ffmpeg.StandardError.ReadToEndAsync();
        await stdout;
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg: {error}");
    }
}

using MediaAnalysis.Cli;
using MediaAnalysis.Pipeline;

namespace MediaAnalysis.Tests.Pipeline;

// Issue 14, item 3: Media:MaxDurationMinutes. A longer track is refused once probed, naming its length and the
// cap, and Deepgram (billed by the minute) receives nothing; from a file and from a link (early extraction).
public sealed class DurationCapTests : IAsyncLifetime
{
    private PipelineHarness _h = null!;
    private string _video = null!;

    public async Task InitializeAsync()
    {
        _h = await PipelineHarness.StartAsync();
        _video = Path.Combine(_h.Root, "long.mp4");
        // 70 s of silence under a tiny black picture: H.264 + AAC, faststart, as phones write them.
        await FfmpegRun.MakeAsync(
            "-f", "lavfi", "-i", "color=c=black:s=32x32:r=2:d=70", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "70",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "16k", "-movflags", "+faststart", _video);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_video_over_the_cap_is_refused_before_transcription(bool byUrl)
    {
        _h.Settings["Media:MaxDurationMinutes"] = "1";
        var source = _video;
        if (byUrl)
        {
            _h.Files.ServeFile("/att/long.mp4", _video);
            source = _h.FileUrl("/att/long.mp4").ToString();
        }

        var run = await _h.AnalyzeAsync(source);

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("This video is 1 min 10 s long; this bot takes up to 1 minute.", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_h.Deepgram.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task A_video_within_the_cap_is_transcribed()
    {
        _h.Settings["Media:MaxDurationMinutes"] = "2";

        var run = await _h.AnalyzeAsync(_video);

        // Silence: transcribed, no words, so no model is asked (the job then ends "silent", not refused).
        Assert.DoesNotContain("this bot takes up to", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Transcribed", run.Stderr, StringComparison.Ordinal);
        Assert.Single(_h.Deepgram.Requests);
    }

    [Theory]
    [InlineData(192, "3 h 12 min")]
    [InlineData(1.1667, "1 min 10 s")]
    [InlineData(0.75, "45 s")]
    public void Lengths_read_as_a_person_says_them(double minutes, string expected) =>
        Assert.Equal(expected, DurationLimit.Describe(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public async Task A_cap_below_one_minute_is_a_configuration_error()
    {
        _h.Settings["Media:MaxDurationMinutes"] = "0";

        var run = await _h.AnalyzeAsync(_video);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("Media:MaxDurationMinutes must be at least 1", run.Stderr, StringComparison.Ordinal);
    }
}

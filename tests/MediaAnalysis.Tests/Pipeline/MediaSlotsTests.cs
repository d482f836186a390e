using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Transcription;

namespace MediaAnalysis.Tests.Pipeline;

// Media:MaxConcurrentDownloads bounds the jobs that hold a video on disk and an ffmpeg child at once.
public sealed class MediaSlotsTests : IAsyncLifetime
{
    private PipelineHarness _h = null!;
    private string _video = null!;

    public async Task InitializeAsync()
    {
        _h = await PipelineHarness.StartAsync();
        _video = await TestMedia.CreateAsync(TestVideoKind.Normal, Path.Combine(_h.Root, "media"), TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_second_job_waits_for_the_download_slot_then_goes_on()
    {
        _h.Settings["Media:MaxConcurrentDownloads"] = "1";
        var builder = AppConfiguration.CreateBuilder([], _h.Settings);
        builder.Services.AddPipeline();
        using var host = builder.Build();
        var resume = new TaskCompletionSource();
        _h.Files.ServePausing("/first.mp4", _video, new FileInfo(_video).Length / 2, resume.Task);
        _h.Files.ServeFile("/second.mp4", _video);

        var first = Transcribe(host, "/first.mp4");
        await Until(() => _h.Files.Requests.Count == 1);
        var second = Transcribe(host, "/second.mp4");
        // The first holds the only slot while its download is paused: the second never starts its download.
        await Task.Delay(750);
        Assert.Equal(["/first.mp4"], _h.Files.Requests.Select(r => r.Path));
        Assert.False(second.IsCompleted);

        resume.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(["/first.mp4", "/second.mp4"], _h.Files.Requests.Select(r => r.Path));
        Assert.Equal(2, _h.Deepgram.Requests.Count);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task Fewer_than_one_slot_is_a_configuration_error()
    {
        _h.Settings["Media:MaxConcurrentDownloads"] = "0";

        var run = await _h.AnalyzeAsync(_video);

        Assert.Equal(ExitCodes.BadArguments, run.ExitCode);
        Assert.Contains("Media:MaxConcurrentDownloads", run.Stderr);
    }

    private Task<(MediaInfo Media, Transcript Transcript)> Transcribe(IHost host, string path) =>
        host.Services.GetRequiredService<AnalysisPipeline>().TranscribeAsync(
            AnalysisSource.FromUrl(_h.FileUrl(path)), new NullProgress(), CancellationToken.None);

    private static async Task Until(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}

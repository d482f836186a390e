using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;
using MediaAnalysis.Pipeline.Audio;
using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Tests.Pipeline;

// A faststart MP4 that arrives by URL is extracted while it downloads (an AAC track copied in-process chunk by
// chunk, any other track by ffmpeg following the growing file); whatever goes wrong on that path, the result is
// the one the whole file gives.
[Collection(MediaCollection.Name)]
public sealed class EarlyExtractionTests(MediaFiles media) : IAsyncLifetime
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(30);

    private PipelineHarness _h = null!;
    private string _video = null!;
    private string _mp3Video = null!;

    public async Task InitializeAsync()
    {
        _h = await PipelineHarness.StartAsync();
        _video = await TestMedia.CreateAsync(TestVideoKind.Normal, Path.Combine(_h.Root, "media"), Length);
        _mp3Video = await TestMedia.CreateAsync(TestVideoKind.Mp3InMp4, Path.Combine(_h.Root, "media"), Length);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_aac_track_is_copied_as_the_video_arrives_with_no_ffmpeg_and_is_what_ffmpeg_would_write()
    {
        var resume = new TaskCompletionSource();
        _h.Files.ServePausing("/v.mp4", _video, new FileInfo(_video).Length * 8 / 10, resume.Task);

        var run = _h.AnalyzeAsync(_h.FileUrl("/v.mp4").ToString());
        // With a fifth of the file still to come, most of the audio is already out, and no child process runs.
        await WaitUntilAsync(() => AudioBytesSoFar() > 0, run);
        Assert.Empty(AudioExtractorTests.FfmpegProcessesUsing(_h.TempPath));
        resume.SetResult();
        var result = await run;

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var request = Assert.Single(_h.Deepgram.Requests);
        Assert.Equal("audio/aac", request.Headers["Content-Type"]);
        var expected = Path.Combine(_h.Root, "expected.aac");
        await FfmpegCli.RunAsync($"-i \"{_video}\" -map 0:a:0 -c:a copy -f adts \"{expected}\"");
        Assert.Equal(await File.ReadAllBytesAsync(expected), await File.ReadAllBytesAsync(request.BodyFile!));
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task An_index_that_arrives_in_pieces_is_read_once_whole()
    {
        // The download stalls in the middle of the index (a 1 GB video's is megabytes, several network reads),
        // then again at 80 %: by then the audio must be coming out, as with an index that arrived at once.
        var head = Mp4Layout.Read(_video, new FileInfo(_video).Length);
        Assert.True(head.MoovEnd / 2 > head.MoovStart + 16, "the index is too small to cut");
        var (inIndex, later) = (new TaskCompletionSource(), new TaskCompletionSource());
        _h.Files.ServePausing("/v.mp4", _video, [(head.MoovEnd / 2, inIndex.Task), (new FileInfo(_video).Length * 8 / 10, later.Task)]);

        var run = _h.AnalyzeAsync(_h.FileUrl("/v.mp4").ToString());
        await Task.Delay(300);
        inIndex.SetResult();
        await WaitUntilAsync(() => AudioBytesSoFar() > 0, run);
        Assert.Empty(AudioExtractorTests.FfmpegProcessesUsing(_h.TempPath));
        later.SetResult();
        var result = await run;

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Stderr);
        Assert.Single(_h.Deepgram.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task Ffmpeg_follows_the_download_of_a_track_it_extracts_and_the_audio_is_whole()
    {
        var resume = new TaskCompletionSource();
        _h.Files.ServePausing("/v.mp4", _mp3Video, new FileInfo(_mp3Video).Length * 8 / 10, resume.Task);

        var run = _h.AnalyzeAsync(_h.FileUrl("/v.mp4").ToString());
        // With a fifth of the file still to come, ffmpeg is already reading it, at a lower CPU priority than the app.
        await WaitUntilAsync(() => FollowingFfmpeg().Count > 0, run);
        Assert.Equal(ChildPriority.Nice, NiceOf(FollowingFfmpeg()[0]));
        resume.SetResult();
        var result = await run;

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var request = Assert.Single(_h.Deepgram.Requests);
        Assert.Equal("audio/mpeg", request.Headers["Content-Type"]);
        var seconds = double.Parse(await Ffprobe.ValueAsync("format=duration", request.BodyFile!), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, Length.TotalSeconds - 0.2, Length.TotalSeconds + 0.2);
        Assert.Empty(FollowingFfmpeg());
        _h.AssertNoJobFilesLeft();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_download_that_breaks_off_stops_the_extraction_and_says_so(bool ffmpegTrack)
    {
        var video = ffmpegTrack ? _mp3Video : _video;
        var resume = new TaskCompletionSource();
        _h.Files.ServePausing("/v.mp4", video, new FileInfo(video).Length / 2, resume.Task, breakOff: true);

        var run = _h.AnalyzeAsync(_h.FileUrl("/v.mp4").ToString());
        await WaitUntilAsync(() => ffmpegTrack ? FollowingFfmpeg().Count > 0 : AudioBytesSoFar() > 0, run);
        resume.SetResult();
        var result = await run;

        Assert.Equal(ExitCodes.JobFailed, result.ExitCode);
        Assert.Contains("broke off", result.Stderr);
        Assert.Empty(AudioExtractorTests.FfmpegProcessesUsing(_h.TempPath));
        Assert.Empty(_h.Deepgram.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task A_faststart_file_cut_short_is_called_truncated_without_waiting_for_the_rest()
    {
        var cut = Path.Combine(_h.Root, "media", "cut.mp4");
        var bytes = await File.ReadAllBytesAsync(_video);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length * 7 / 10)]);
        _h.Files.ServeFile("/cut.mp4", cut);

        var started = Environment.TickCount64;
        var result = await _h.AnalyzeAsync(_h.FileUrl("/cut.mp4").ToString());

        Assert.Equal(ExitCodes.JobFailed, result.ExitCode);
        Assert.Contains("looks truncated", result.Stderr);
        // ffmpeg following the file would wait Media:DownloadIdleTimeout (30 s) at its end for the rest.
        Assert.True(Environment.TickCount64 - started < 15_000, $"took {Environment.TickCount64 - started} ms");
        Assert.Empty(AudioExtractorTests.FfmpegProcessesUsing(_h.TempPath));
        Assert.Empty(_h.Deepgram.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public void The_layout_tells_faststart_from_moov_at_the_end_and_from_other_files()
    {
        var faststart = Mp4Layout.Read(_video, new FileInfo(_video).Length);
        Assert.Equal(Mp4Layout.Kind.MoovFirst, faststart.Kind);
        Assert.InRange(faststart.MoovEnd, 100, new FileInfo(_video).Length / 2);
        Assert.Equal(Mp4Layout.Kind.NeedMore, Mp4Layout.Read(_video, 4).Kind);
        Assert.Equal(Mp4Layout.Kind.NotStreamable, Mp4Layout.Read(media[TestVideoKind.MoovAtEnd], new FileInfo(media[TestVideoKind.MoovAtEnd]).Length).Kind);
        Assert.Equal(Mp4Layout.Kind.NotStreamable, Mp4Layout.Read(media[TestVideoKind.NotAVideo], new FileInfo(media[TestVideoKind.NotAVideo]).Length).Kind);

        Assert.True(Mp4Layout.IsWhole(_video, new FileInfo(_video).Length));
        Assert.True(Mp4Layout.IsWhole(media[TestVideoKind.MoovAtEnd], new FileInfo(media[TestVideoKind.MoovAtEnd]).Length));
        Assert.False(Mp4Layout.IsWhole(_video, new FileInfo(_video).Length - 1));
        Assert.False(Mp4Layout.IsWhole(media[TestVideoKind.Truncated], new FileInfo(media[TestVideoKind.Truncated]).Length));
    }

    [Fact]
    public async Task A_growing_file_wakes_its_waiter_when_enough_arrived_or_the_download_ended()
    {
        var file = new GrowingFile();
        var waiting = file.WaitForAsync(1000, CancellationToken.None);
        file.Advance(999);
        Assert.False(waiting.IsCompleted);
        file.Advance(1000);
        Assert.True(await waiting);
        Assert.True(await file.WaitForAsync(500, CancellationToken.None));

        var short_ = file.WaitForAsync(5000, CancellationToken.None);
        file.End();
        Assert.False(await short_);
        Assert.False(await file.WaitForAsync(5000, CancellationToken.None));
    }

    // Field 19 of /proc/PID/stat, counted after the command name (which may hold spaces) closes.
    private static int NiceOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    // The audio file the in-process copy is writing in the job's folder, if any.
    private long AudioBytesSoFar()
    {
        try
        {
            return Directory.EnumerateFiles(_h.TempPath, "audio.aac", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        }
        catch (IOException)
        {
            return 0; // the folder went meanwhile
        }
    }

    private List<int> FollowingFfmpeg()
    {
        var found = new List<int>();
        foreach (var pid in AudioExtractorTests.FfmpegProcessesUsing(_h.TempPath))
        {
            try
            {
                var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
                if (cmdline.Contains("-follow 1", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // exited meanwhile
            }
        }
        return found;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task run)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            Assert.False(run.IsCompleted, "the analysis ended before the condition held");
            Assert.True(Environment.TickCount64 < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}

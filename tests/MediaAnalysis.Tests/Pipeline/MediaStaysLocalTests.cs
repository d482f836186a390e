using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;
using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Tests.Pipeline;

// Issue 14, item 2: ffprobe and ffmpeg read local files in the containers the bot takes, nothing else. A
// playlist or manifest saved as clip.mp4 is "not a video": it makes no request to the addresses it names, and
// it does not read the server's own files (before, FFmpeg's HLS and DASH demuxers followed a manifest to any
// local media file, such as another job's audio, and the bot transcribed it); downloads ignore
// HTTP_PROXY/HTTPS_PROXY so that the address guard sees the real peer.
public sealed class MediaStaysLocalTests : IAsyncLifetime
{
    private PipelineHarness _h = null!;
    private FakeFileHost _named = null!;

    public async Task InitializeAsync()
    {
        _h = await PipelineHarness.StartAsync();
        _named = await FakeFileHost.StartAsync();
        _named.ServeContent("/seg.ts", new string('G', 188), "video/mp2t");
        _named.ServeContent("/audio.mp4", "x", "video/mp4");
    }

    public async Task DisposeAsync()
    {
        await _named.DisposeAsync();
        await _h.DisposeAsync();
    }

    public static TheoryData<string, bool, bool> Manifests
    {
        get
        {
            var data = new TheoryData<string, bool, bool>();
            foreach (var kind in new[] { "hls", "dash" })
            {
                foreach (var local in new[] { false, true })
                {
                    data.Add(kind, local, false);
                    data.Add(kind, local, true);
                }
            }
            return data;
        }
    }

    // `local`: the manifest names a media file on the server's own disk instead of a loopback URL.
    [Theory]
    [MemberData(nameof(Manifests))]
    public async Task A_manifest_saved_as_mp4_is_not_a_video_and_nothing_is_fetched(string kind, bool local, bool byUrl)
    {
        var clip = Path.Combine(_h.Root, "clip.mp4");
        string target;
        if (local)
        {
            target = Path.Combine(_h.Root, kind == "hls" ? "private.ts" : "private.m4a");
            await FfmpegRun.MakeAsync("-f", "lavfi", "-i", "sine=d=5", "-c:a", "aac", target);
        }
        else
        {
            target = new Uri(_named.BaseAddress, kind == "hls" ? "/seg.ts" : "/audio.mp4").ToString();
        }
        await File.WriteAllTextAsync(clip, kind == "hls" ? Hls(target) : Dash(target));
        string source = clip;
        if (byUrl)
        {
            _h.Files.ServeFile("/att/clip.mp4", clip);
            source = _h.FileUrl("/att/clip.mp4").ToString();
        }

        var run = await _h.AnalyzeAsync(source);

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("isn't a video", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_named.Requests);
        Assert.Empty(_h.Deepgram.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task The_download_handler_does_not_use_a_proxy()
    {
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], _h.Settings);
        var factory = app.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        using var handler = factory.CreateHandler(nameof(VideoDownloader));

        var primary = Primary(handler);
        Assert.False(primary.UseProxy, "the video download goes through HTTP(S)_PROXY, past the address guard");
        Assert.NotNull(primary.ConnectCallback);
    }

    private static SocketsHttpHandler Primary(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }
        return Assert.IsType<SocketsHttpHandler>(handler);
    }

    private static string Hls(string target) =>
        $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:5.0,\n{target}\n#EXT-X-ENDLIST\n";

    private static string Dash(string target) =>
        "<?xml version=\"1.0\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\" mediaPresentationDuration=\"PT5S\" " +
        "profiles=\"urn:mpeg:dash:profile:isoff-on-demand:2011\"><Period><AdaptationSet mimeType=\"audio/mp4\">" +
        $"<Representation id=\"a\" bandwidth=\"64000\" codecs=\"mp4a.40.2\"><BaseURL>{target}</BaseURL>" +
        "</Representation></AdaptationSet></Period></MPD>\n";
}

using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;

namespace MediaAnalysis.Tests.Pipeline;

[Collection(MediaCollection.Name)]
public sealed class DownloadTests(MediaFiles media) : IAsyncLifetime
{
    private PipelineHarness _h = null!;

    public async Task InitializeAsync() => _h = await PipelineHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_host_off_the_list_is_never_contacted()
    {
        _h.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
        var offList = new UriBuilder(_h.FileUrl("/v.mp4")) { Host = "localhost" }.Uri;

        var run = await _h.AnalyzeAsync(offList.ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("videos are only fetched from", run.Stderr);
        Assert.Empty(_h.Files.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_allowed()
    {
        _h.Settings["Media:AllowHttp"] = "false";
        _h.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);

        var run = await _h.AnalyzeAsync(_h.FileUrl("/v.mp4").ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("plain http links are not allowed", run.Stderr);
        Assert.Empty(_h.Files.Requests);
    }

    [Fact]
    public async Task A_redirect_within_the_list_is_followed()
    {
        _h.Files.ServeFile("/real.mp4", media[TestVideoKind.Normal]);
        _h.Files.Redirect("/short", "/real.mp4");

        var run = await _h.AnalyzeAsync(_h.FileUrl("/short").ToString());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(2, _h.Files.Requests.Count);
    }

    [Fact]
    public async Task A_redirect_off_the_list_is_refused_before_it_is_followed()
    {
        _h.Files.ServeFile("/real.mp4", media[TestVideoKind.Normal]);
        var elsewhere = new UriBuilder(_h.FileUrl("/real.mp4")) { Host = "localhost" }.Uri;
        _h.Files.Redirect("/short", elsewhere.ToString());

        var run = await _h.AnalyzeAsync(_h.FileUrl("/short").ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("redirected somewhere I don't fetch from", run.Stderr);
        Assert.Single(_h.Files.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task A_file_declared_over_the_cap_is_refused_from_its_headers()
    {
        _h.Settings["Media:MaxBytes"] = "1000000";
        _h.Files.ServeWithDeclaredLength("/big.mp4", 5_000_000_000);

        var run = await _h.AnalyzeAsync(_h.FileUrl("/big.mp4").ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("That video is 4.7 GB; this bot takes up to 976.6 KB", run.Stderr);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task An_endless_body_is_stopped_at_the_cap()
    {
        _h.Settings["Media:MaxBytes"] = "3000000";
        _h.Files.ServeEndless("/endless.mp4");

        var run = await _h.AnalyzeAsync(_h.FileUrl("/endless.mp4").ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("larger than 2.9 MB", run.Stderr);
        Assert.Empty(_h.Deepgram.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task A_trickling_download_is_stopped_by_its_timeout()
    {
        _h.Settings["Media:DownloadTimeout"] = "00:00:02";
        _h.Files.ServeTrickle("/slow.mp4", bytesPerSecond: 1024, totalBytes: 1_000_000);

        var run = await _h.AnalyzeAsync(_h.FileUrl("/slow.mp4").ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("The download took longer than 2 s and was stopped", run.Stderr);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task A_web_page_in_place_of_the_video_is_refused()
    {
        _h.Files.ServeContent("/page", "<!DOCTYPE html><html><body>Sign in</body></html>", "text/html; charset=utf-8");

        var run = await _h.AnalyzeAsync(_h.FileUrl("/page").ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("gave a web page, not a video", run.Stderr);
    }

    [Fact]
    public async Task A_missing_file_reports_the_hosts_answer()
    {
        var run = await _h.AnalyzeAsync(_h.FileUrl("/nothing-here.mp4").ToString());

        Assert.Equal(ExitCodes.JobFailed, run.ExitCode);
        Assert.Contains("answered 404", run.Stderr);
    }
}

using System.Net;
using MediaAnalysis.Chat.Slack;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaAnalysis.Tests.Chat.Slack;

// Enterprise Grid and Slack Connect files: files.slack.com redirects to files-origin.slack.com (and on to a CDN).
// The bot token follows to hosts under slack.com only, and every hop goes through the allow-list and the address
// guard. Names resolve (by the test's resolver) to the fake file host on 127.0.0.1.
public sealed class SlackFileHostTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-token-for-file-hosts";
    private static readonly byte[] Video = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 1, 2, 3];

    private FakeFileHost _files = null!;
    private string _folder = null!;
    private string _videoPath = null!;

    private int Port => _files.BaseAddress.Port;

    public async Task InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _folder = Directory.CreateTempSubdirectory("slack-hosts-").FullName;
        _videoPath = Path.Combine(_folder, "source.mp4");
        await File.WriteAllBytesAsync(_videoPath, Video);
    }

    public async Task DisposeAsync()
    {
        await _files.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("*.slack.com", true)]
    [InlineData("*.slack.com:8443", true)]
    [InlineData("*.com", false)]
    [InlineData("*slack.com", false)]
    [InlineData("*.", false)]
    public void Suffix_rules_are_valid_allow_list_entries(string entry, bool valid) => Assert.Equal(valid, HostAllowList.IsValidEntry(entry));

    [Theory]
    [InlineData("https://files-origin.slack.com/files-pri/T1-F1/download/a.mp4", true)]
    [InlineData("https://acme.enterprise.slack.com/files-pri/T1-F1/a.mp4", true)]
    [InlineData("https://slack.com/a.mp4", false)]
    [InlineData("https://evilslack.com/a.mp4", false)]
    [InlineData("https://files.slack.com.evil.example/a.mp4", false)]
    [InlineData("https://files-origin.slack.com:8443/a.mp4", false)]
    public void The_default_list_takes_hosts_under_slack_com(string url, bool allowed) =>
        Assert.Equal(allowed, new HostAllowList(MediaOptions.DefaultAllowedHosts, allowHttp: false).Refusal(new Uri(url)) is null);

    [Theory]
    [InlineData("https://files.slack.com/files-pri/a", true)]
    [InlineData("https://files-origin.slack.com/files-pri/a", true)]
    [InlineData("https://slack.com/a", true)]
    [InlineData("https://a.slack-edge.com/a", false)]
    [InlineData("https://evilslack.com/a", false)]
    [InlineData("https://files.slack.com.evil.example/a", false)]
    [InlineData("http://files-origin.slack.com/a", false)]
    [InlineData("https://files-origin.slack.com:8443/a", false)]
    public void The_bot_token_goes_to_slack_hosts_only(string url, bool gets)
    {
        var tokens = SlackFileHosts.Tokens("https://files.slack.com", Token);

        Assert.Equal(gets, DownloadTokens.For(new Uri(url), tokens) is not null);
    }

    [Fact]
    public async Task A_redirect_to_files_origin_keeps_the_token_and_one_to_slack_edge_drops_it()
    {
        _files.Redirect("/files-pri/T1-F1/download/clip.mp4", $"http://files-origin.slack.com:{Port}/origin/clip.mp4");
        _files.Redirect("/origin/clip.mp4", $"http://cdn.slack-edge.com:{Port}/edge/clip.mp4");
        _files.ServeFile("/edge/clip.mp4", _videoPath);
        var tokens = SlackFileHosts.Tokens("https://files.slack.com", Token)
            .ToDictionary(p => new Uri($"http://{p.Key.Host}:{Port}/"), p => p.Value);
        using var http = Client(allowPrivate: true);

        var saved = await Downloader(http, allowPrivate: true).DownloadAsync(
            new Uri($"http://files.slack.com:{Port}/files-pri/T1-F1/download/clip.mp4"), Path.Combine(_folder, "a.mp4"), tokens, default);

        Assert.Equal(Video, await File.ReadAllBytesAsync(saved.Path));
        var hops = _files.Requests.Select(r => (r.Headers.GetValueOrDefault("Host"), r.Headers.GetValueOrDefault("Authorization"))).ToList();
        Assert.Equal(
            [($"files.slack.com:{Port}", $"Bearer {Token}"), ($"files-origin.slack.com:{Port}", $"Bearer {Token}"), ($"cdn.slack-edge.com:{Port}", null)],
            hops);
    }

    [Fact]
    public async Task A_redirect_to_a_slack_host_on_a_private_address_is_refused_by_the_guard()
    {
        _files.Redirect("/files-pri/T1-F1/download/clip.mp4", $"http://files-origin.slack.com:{Port}/origin/clip.mp4");
        _files.ServeFile("/origin/clip.mp4", _videoPath);
        using var http = Client(allowPrivate: false);

        var refused = await Assert.ThrowsAsync<AnalysisFailedException>(() => Downloader(http, allowPrivate: false).DownloadAsync(
            new Uri($"http://127.0.0.1:{Port}/files-pri/T1-F1/download/clip.mp4"), Path.Combine(_folder, "b.mp4"), null, default));

        Assert.Contains("private or local network", refused.Message, StringComparison.Ordinal);
        Assert.Single(_files.Requests);
    }

    private MediaOptions Options(bool allowPrivate) => new()
    {
        AllowedHosts = [$"127.0.0.1:{Port}", $"*.slack.com:{Port}", $"*.slack-edge.com:{Port}"],
        AllowHttp = true,
        AllowPrivateAddresses = allowPrivate,
    };

    private HttpClient Client(bool allowPrivate)
    {
        var guard = new AddressGuard(Microsoft.Extensions.Options.Options.Create(Options(allowPrivate)), new LoopbackResolver());
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, ConnectCallback = guard.ConnectAsync });
    }

    private VideoDownloader Downloader(HttpClient http, bool allowPrivate) =>
        new(http, Microsoft.Extensions.Options.Options.Create(Options(allowPrivate)), NullLogger<VideoDownloader>.Instance);

    private sealed class LoopbackResolver : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Task.FromResult(new[] { IPAddress.Loopback });
    }
}

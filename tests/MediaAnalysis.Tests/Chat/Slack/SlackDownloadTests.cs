using System.Net.Http.Headers;
using MediaAnalysis.Fakes.Slack;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaAnalysis.Tests.Chat.Slack;

// The fake's private file links behave like Slack's: the bytes with the bot token, a sign-in page without it,
// and the app's VideoDownloader tells the two apart.
public sealed class SlackDownloadTests : IAsyncLifetime
{
    private static readonly byte[] Video = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 1, 2, 3];

    private FakeSlackApi _fake = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackApi.StartAsync();
        _folder = Directory.CreateTempSubdirectory("slack-download-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task With_the_bot_token_the_link_gives_the_video()
    {
        var file = _fake.HostFile("standup.mp4", Video);
        using var request = new HttpRequestMessage(HttpMethod.Get, _fake.DownloadUrl(file));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.BotToken);
        using var http = NewClient();

        using var response = await http.SendAsync(request);

        Assert.Equal(("video/mp4", Video.Length), (response.Content.Headers.ContentType!.MediaType, (int)response.Content.Headers.ContentLength!.Value));
        Assert.Equal(Video, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("xoxb-someone-else")]
    public async Task Without_the_right_token_the_link_gives_slacks_sign_in_page_with_200(string? token)
    {
        var file = _fake.HostFile("standup.mp4", Video);
        using var request = new HttpRequestMessage(HttpMethod.Get, _fake.DownloadUrl(file));
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        using var http = NewClient();

        using var response = await http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sign in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_video_downloader_fetches_it_with_the_token_for_that_origin_only()
    {
        var file = _fake.HostFile("standup.mp4", Video);
        var url = new Uri((string)_fake.FileJson(file)["url_private_download"]!);
        var origin = new Uri(_fake.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var http = NewClient();
        var downloader = Downloader(http);

        var saved = await downloader.DownloadAsync(url, Path.Combine(_folder, "a.mp4"),
            new Dictionary<Uri, AuthenticationHeaderValue> { [origin] = new("Bearer", _fake.BotToken) }, default);
        var refused = await Assert.ThrowsAsync<AnalysisFailedException>(() => downloader.DownloadAsync(url, Path.Combine(_folder, "b.mp4"),
            new Dictionary<Uri, AuthenticationHeaderValue> { [new Uri("https://files.slack.com")] = new("Bearer", _fake.BotToken) }, default));

        Assert.Equal(Video, await File.ReadAllBytesAsync(saved.Path));
        Assert.Contains("web page", refused.Message, StringComparison.Ordinal);
        Assert.Null(_fake.RequestsFor("download")[1].Header("Authorization"));
    }

    private static HttpClient NewClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    private VideoDownloader Downloader(HttpClient http) => new(http, Microsoft.Extensions.Options.Options.Create(new MediaOptions
    {
        AllowedHosts = [_fake.BaseAddress.Authority],
        AllowHttp = true,
    }), NullLogger<VideoDownloader>.Instance);
}

using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Tests.Pipeline;

public sealed class HostAllowListTests
{
    private readonly HostAllowList _list = new(MediaOptions.DefaultAllowedHosts.Append("127.0.0.1:8080"), allowHttp: false);

    [Theory]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/a.mp4")]
    [InlineData("https://CDN.DiscordApp.com/a.mp4")]
    [InlineData("https://files.slack.com:443/files-pri/T1-F1/download/a.mp4")]
    [InlineData("https://127.0.0.1:8080/a.mp4")]
    public void Allows_the_platform_hosts(string url) => Assert.Null(_list.Refusal(new Uri(url)));

    [Theory]
    [InlineData("https://evil.example/a.mp4")]
    [InlineData("https://cdn.discordapp.com.evil.example/a.mp4")]
    [InlineData("https://cdn.discordapp.com:8443/a.mp4")]
    [InlineData("http://cdn.discordapp.com/a.mp4")]
    [InlineData("https://127.0.0.1:9090/a.mp4")]
    [InlineData("ftp://cdn.discordapp.com/a.mp4")]
    [InlineData("file:///etc/passwd")]
    public void Refuses_everything_else(string url) => Assert.NotNull(_list.Refusal(new Uri(url)));

    [Fact]
    public void Plain_http_passes_only_when_allowed()
    {
        var local = new HostAllowList(["127.0.0.1:8080"], allowHttp: true);

        Assert.Null(local.Refusal(new Uri("http://127.0.0.1:8080/a.mp4")));
    }

    [Theory]
    [InlineData("cdn.discordapp.com", true)]
    [InlineData("127.0.0.1:8080", true)]
    [InlineData("https://cdn.discordapp.com", false)]
    [InlineData("cdn.discordapp.com/path", false)]
    [InlineData("", false)]
    public void Entries_are_hosts_with_an_optional_port(string entry, bool valid) => Assert.Equal(valid, HostAllowList.IsValidEntry(entry));
}

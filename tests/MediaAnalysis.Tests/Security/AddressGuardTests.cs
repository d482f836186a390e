using System.Net;
using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Download;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaAnalysis.Tests.Security;

// SSRF by DNS: an allowed name that resolves to a loopback or private address is refused on the resolved
// address, before any byte is sent; the connection goes to the address that was checked.
[Collection(MediaCollection.Name)]
public sealed class AddressGuardTests(MediaFiles media) : IAsyncLifetime
{
    private PipelineHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await PipelineHarness.StartAsync();
        _h.Files.ServeFile("/v.mp4", media[TestVideoKind.Normal]);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.5", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("162.159.130.233", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::808:808", true)]
    public void Only_globally_routable_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task An_allowed_name_resolving_to_loopback_is_refused_and_never_contacted(string resolvedTo)
    {
        var url = HostUrl("files.test.example", "/v.mp4");
        using var host = Host("files.test.example", resolvedTo);

        var error = await Assert.ThrowsAsync<AnalysisFailedException>(() => Transcribe(host, url));

        Assert.Equal(FailureKind.SourceRefused, error.Kind);
        Assert.Contains("private or local network address", error.Message);
        Assert.Empty(_h.Files.Requests);
        _h.AssertNoJobFilesLeft();
    }

    [Fact]
    public async Task A_redirect_to_an_allowed_name_that_resolves_privately_is_refused()
    {
        _h.Files.Redirect("/start.mp4", HostUrl("inside.test.example", "/v.mp4").ToString());
        using var host = Host("inside.test.example", "127.0.0.1", extraAllowed: _h.Files.BaseAddress.Authority);

        var error = await Assert.ThrowsAsync<AnalysisFailedException>(() => Transcribe(host, _h.FileUrl("/start.mp4")));

        Assert.Contains("inside.test.example points to a private or local network address", error.Message);
        Assert.Equal(["/start.mp4"], _h.Files.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task With_private_addresses_allowed_the_checked_address_is_the_one_connected_to()
    {
        _h.Settings["Media:AllowPrivateAddresses"] = "true";
        using var host = Host("files.test.example", "127.0.0.1");

        var (info, _) = await Transcribe(host, HostUrl("files.test.example", "/v.mp4"));

        Assert.True(info.SizeBytes > 0);
        var request = Assert.Single(_h.Files.Requests);
        Assert.Equal($"files.test.example:{_h.Files.BaseAddress.Port}", request.Headers["Host"]);
    }

    private Uri HostUrl(string name, string path) => new($"http://{name}:{_h.Files.BaseAddress.Port}{path}");

    private IHost Host(string name, string resolvedTo, string? extraAllowed = null)
    {
        _h.Settings["Media:AllowedHosts:0"] = $"{name}:{_h.Files.BaseAddress.Port}";
        if (extraAllowed is not null)
        {
            _h.Settings["Media:AllowedHosts:1"] = extraAllowed;
        }
        var builder = AppConfiguration.CreateBuilder([], _h.Settings);
        builder.Services.AddPipeline();
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostResolver>(new FixedResolver(name, IPAddress.Parse(resolvedTo))));
        return builder.Build();
    }

    private static Task<(MediaInfo Media, MediaAnalysis.Pipeline.Transcription.Transcript Transcript)> Transcribe(IHost host, Uri url) =>
        host.Services.GetRequiredService<AnalysisPipeline>().TranscribeAsync(AnalysisSource.FromUrl(url), new NullProgress(), CancellationToken.None);

    // The test's DNS: one name, one address; any other name does not exist.
    private sealed class FixedResolver(string name, IPAddress address) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            host.Equals(name, StringComparison.OrdinalIgnoreCase)
                ? Task.FromResult(new[] { address })
                : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
    }
}

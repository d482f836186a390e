using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MediaAnalysis.Cli;
using MediaAnalysis.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MediaAnalysis.Tests.Security;

// Webhook endpoints against oversize and slow bodies: refused fast, without a stack trace, nothing stored,
// and the server keeps answering others meanwhile.
public sealed class WebhookLimitTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-limits-{Guid.NewGuid():N}");
    private WebApplication _app = null!;
    private Uri _base = null!;

    public static TheoryData<string> Endpoints => new() { "/discord/interactions", "/slack/events", "/slack/commands", "/slack/interactivity" };

    public async Task InitializeAsync()
    {
        _app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Deepgram:ApiKey"] = "k",
            ["OpenRouter:ApiKey"] = "k",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "jobs.db")}",
            ["Discord:ApplicationId"] = "1300000000000000001",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:BotToken"] = "test-bot-token",
            ["Slack:SigningSecret"] = "limits0signing0secret0for0tests",
            ["Slack:BotToken"] = "xoxb-limits-test",
            ["Webhooks:BodyTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _app.StartAsync();
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_megabyte_body_gets_413_at_once_and_no_stack_trace(string path)
    {
        using var http = new HttpClient { BaseAddress = _base };
        using var content = new ByteArrayContent(new byte[1024 * 1024]);
        content.Headers.ContentType = new("application/json");

        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_that_promises_more_than_it_sends_is_cut_off_with_408(string path)
    {
        using var client = await ConnectAsync();
        var stream = client.GetStream();
        await SendAsync(stream, Head(path, contentLength: 2000) + "{\"type\":1");

        var clock = Stopwatch.StartNew();
        var answer = await ReadAnswerAsync(stream);

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("   at ", answer, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_trickling_sender_is_cut_off_and_others_are_served_meanwhile()
    {
        using var client = await ConnectAsync();
        var stream = client.GetStream();
        await SendAsync(stream, Head("/discord/interactions", contentLength: 5000));
        using var trickle = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            try
            {
                while (!trickle.IsCancellationRequested)
                {
                    await stream.WriteAsync("x"u8.ToArray(), trickle.Token);
                    await Task.Delay(100, trickle.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // cut off, as it should be
            }
        });

        using var http = new HttpClient { BaseAddress = _base };
        var healthy = Stopwatch.StartNew();
        using (var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        Assert.True(healthy.Elapsed < TimeSpan.FromSeconds(1), $"healthz took {healthy.Elapsed} beside a slow sender");

        var answer = await ReadAnswerAsync(stream);
        await trickle.CancelAsync();
        await sending;

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    private static string Head(string path, int contentLength) =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
        $"X-Signature-Ed25519: {new string('0', 128)}\r\nX-Signature-Timestamp: 1\r\n" +
        $"X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0={new string('0', 64)}\r\nContent-Length: {contentLength}\r\n\r\n";

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _base.Port);
        return client;
    }

    private static Task SendAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    // The server's answer, read until it closes the connection or 10 s pass.
    private static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var answer = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && answer.ToString().Contains('}', StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // closed by the server, or nothing came
        }
        return answer.ToString();
    }

    private async Task AssertNothingStoredAsync()
    {
        var (running, queued) = await _app.Services.GetRequiredService<IJobStore>().CountsAsync(CancellationToken.None);
        Assert.Equal((0, 0), (running, queued));
    }
}

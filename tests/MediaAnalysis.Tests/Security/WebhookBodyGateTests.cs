using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MediaAnalysis.Cli;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MediaAnalysis.Tests.Security;

// Webhooks:MaxConcurrentBodies: past 16 KiB a body needs a turn; one that finds none within
// Webhooks:BodyQueueTimeout is answered 503 with Retry-After, while small (real) webhooks never wait.
public sealed class WebhookBodyGateTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-gate-{Guid.NewGuid():N}");
    private WebApplication _app = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Deepgram:ApiKey"] = "k",
            ["OpenRouter:ApiKey"] = "k",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "jobs.db")}",
            ["Slack:SigningSecret"] = "gate0signing0secret0for0tests",
            ["Slack:BotToken"] = "xoxb-gate-test",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api",
            ["Webhooks:BodyTimeout"] = "00:00:10",
            ["Webhooks:MaxConcurrentBodies"] = "1",
            ["Webhooks:BodyQueueTimeout"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _app.StartAsync();
        _port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_second_large_body_gets_503_while_the_first_holds_the_only_turn_and_small_ones_pass()
    {
        // The first: 20 KB sent at once of 100 KB promised, so it holds the turn until its body times out (10 s).
        using var first = await OpenAsync(contentLength: 100_000, sendNow: 20_000);
        await Task.Delay(300);

        using var second = await OpenAsync(contentLength: 100_000, sendNow: 20_000);
        var clock = Stopwatch.StartNew();
        var answer = await ReadAnswerAsync(second.GetStream());

        Assert.StartsWith("HTTP/1.1 503", answer, StringComparison.Ordinal);
        Assert.Contains("Retry-After: 1", answer, StringComparison.OrdinalIgnoreCase);
        // From the queue's timeout (0.2 s), not the first body's (10 s): the margin is for a test process whose
        // thread pool is busy with the rest of the suite (it once took 2.5 s there).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the 503 took {clock.Elapsed}");
        Assert.DoesNotContain("   at ", answer, StringComparison.Ordinal);

        // A webhook-sized body needs no turn: refused for its (made-up) signature at once, not 503.
        using var small = await OpenAsync(contentLength: 2_000, sendNow: 2_000);
        Assert.StartsWith("HTTP/1.1 401", await ReadAnswerAsync(small.GetStream()), StringComparison.Ordinal);
    }

    private async Task<TcpClient> OpenAsync(int contentLength, int sendNow)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port);
        var head = $"POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
            $"X-Slack-Request-Timestamp: {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}\r\nX-Slack-Signature: v0={new string('0', 64)}\r\n" +
            $"Content-Length: {contentLength}\r\n\r\n";
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head + new string('a', sendNow)));
        return client;
    }

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
                if (answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
        }
        return answer.ToString();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MediaAnalysis.Fakes.Slack;

namespace MediaAnalysis.Tests.Security;

// Issue 14, item 1: the real program, under the image's 96 MiB heap cap (Dockerfile's DOTNET_GCHeapHardLimit),
// against 300 unauthenticated connections that each claim a 256 KB body and send a few bytes a second. Before,
// each reserved 512 KiB on its claim and ~190 of them ended the process with OutOfMemoryException. Now it
// lives, and signed Slack requests sent meanwhile are answered within Slack's 3 seconds.
public sealed class SlowBodyFloodTests : IDisposable
{
    private const string Secret = "flood0signing0secret0for0tests";
    private const int Connections = 300;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-flood-{Guid.NewGuid():N}");

    [Fact]
    public async Task Three_hundred_trickling_bodies_do_not_crash_a_96_MiB_heap_and_signed_requests_are_answered()
    {
        Directory.CreateDirectory(_directory);
        var port = FreePort();
        var output = new StringBuilder();
        using var app = StartServe(port, output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(3) };
            await WaitHealthyAsync(http, app);

            using var stop = new CancellationTokenSource();
            var clients = new List<TcpClient>();
            try
            {
                for (var i = 0; i < Connections; i++)
                {
                    var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    clients.Add(client);
                    await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
                        $"POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
                        $"X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0={new string('0', 64)}\r\n" +
                        $"Content-Length: {256 * 1024}\r\n\r\n{{\"type\":"));
                }
                var trickling = Task.WhenAll(clients.Select(c => TrickleAsync(c, stop.Token)));

                // Signed requests every quarter second for 8 s, while the trickle goes on.
                var slowest = TimeSpan.Zero;
                var answered = 0;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(8))
                {
                    var challenge = $"c{answered}";
                    var body = Encoding.UTF8.GetBytes($"{{\"type\":\"url_verification\",\"challenge\":\"{challenge}\",\"token\":\"x\"}}");
                    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new("application/json");
                    request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
                    request.Headers.Add("X-Slack-Signature", FakeSlackApi.Sign(Secret, timestamp, body));
                    var sent = Stopwatch.StartNew();
                    using var response = await http.SendAsync(request);
                    var took = sent.Elapsed;
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"signed request {answered} got {(int)response.StatusCode}; app output: {Tail(output)}");
                    Assert.Contains(challenge, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                    slowest = took > slowest ? took : slowest;
                    answered++;
                    await Task.Delay(250);
                }
                await stop.CancelAsync();
                await trickling;

                Assert.False(app.HasExited, $"serve exited with {(app.HasExited ? app.ExitCode : 0)}: {Tail(output)}");
                Assert.True(slowest < TimeSpan.FromSeconds(3), $"slowest signed request took {slowest}");
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                lock (output)
                {
                    Assert.DoesNotContain("OutOfMemory", output.ToString(), StringComparison.Ordinal);
                }
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
            await app.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    // Three bytes a second until told to stop or the server cuts the connection off (408, or Kestrel's minimum rate).
    private static async Task TrickleAsync(TcpClient client, CancellationToken stop)
    {
        try
        {
            var stream = client.GetStream();
            while (!stop.IsCancellationRequested)
            {
                await stream.WriteAsync("aaa"u8.ToArray(), stop);
                await Task.Delay(1000, stop);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private Process StartServe(int port, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaAnalysis.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x6000000"; // as in the Dockerfile: 96 MiB
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Deepgram__ApiKey"] = "k";
        start.Environment["OpenRouter__ApiKey"] = "k";
        start.Environment["Slack__SigningSecret"] = Secret;
        start.Environment["Slack__BotToken"] = "xoxb-flood-test";
        start.Environment["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api";
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(_directory, "jobs.db")}";
        start.Environment["Media__TempPath"] = Path.Combine(_directory, "jobs");
        start.Environment["Lifecycle__IdleShutdownAfter"] = "00:00:00";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        void Keep(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process app)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            Assert.False(app.HasExited, "serve exited at start-up");
            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail("serve did not answer /healthz within 20 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= 2000 ? text : text[^2000..];
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace MediaAnalysis.Bench;

// Slow bodies (issue 14): `serve` under a memory cap with the image's 96 MiB heap, CONNECTIONS unauthenticated
// connections that each claim a 256 KB body and send 3 bytes a second (reconnecting when cut off, as a
// persistent sender would), and meanwhile a signed Discord PING and a signed Slack url_verification every
// 250 ms. Reports the signed requests' latency, whether the app lived, and the cap's report.
// Usage: LoadBench trickle APP_DLL MEMCAP OUT_DIR [connections=300] [seconds=30]
public static class Trickle
{
    private const string SlackSecret = "trickle0bench0signing0secret";

    public static async Task<int> RunAsync(string[] args)
    {
        var (app, memcap, outDir) = (args[0], args[1], args[2]);
        var connections = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;
        var seconds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 30;
        Directory.CreateDirectory(outDir);
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var port = AppProcess.FreePort();
        var database = Path.Combine(outDir, "trickle.db");
        File.Delete(database);
        var report = Path.Combine(outDir, "memcap-trickle.txt");
        var start = new ProcessStartInfo(memcap);
        foreach (var a in new[] { "-p", "-q", "-o", report, "256M", "--", "dotnet", app, "serve", $"--urls=http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x6000000"; // as the Dockerfile runs it
        start.Environment["Deepgram__ApiKey"] = "k";
        start.Environment["OpenRouter__ApiKey"] = "k";
        start.Environment["Storage__ConnectionString"] = $"Data Source={database}";
        start.Environment["Discord__ApplicationId"] = "1300000000000000001";
        start.Environment["Discord__BotToken"] = "bench-token";
        start.Environment["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10";
        start.Environment["Discord__PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        start.Environment["Slack__SigningSecret"] = SlackSecret;
        start.Environment["Slack__BotToken"] = "xoxb-trickle-bench";
        start.Environment["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api";
        start.Environment["Lifecycle__IdleShutdownAfter"] = "00:00:00";
        start.Environment["Logging__LogLevel__Default"] = "Error";
        using var appProcess = AppProcess.Start(start);
        var server = appProcess.Process;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        if (!await appProcess.WaitHealthyAsync(http, TimeSpan.FromSeconds(30)))
        {
            Console.Error.WriteLine("the app did not start:\n" + appProcess.Log);
            return 1;
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var cutOff = 0;
        var senders = Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await TrickleOnceAsync(port, i % 2 == 0 ? "/discord/interactions" : "/slack/events", stop.Token))
                {
                    Interlocked.Increment(ref cutOff);
                }
            }
        })).ToArray();

        var latencies = new List<double>();
        var failures = new List<string>();
        var n = 0;
        while (!stop.IsCancellationRequested && !server.HasExited)
        {
            var clock = Stopwatch.StartNew();
            var (ok, what) = n++ % 2 == 0 ? await DiscordPingAsync(http, key) : await SlackChallengeAsync(http, n);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (!ok)
            {
                failures.Add(what);
            }
            await Task.Delay(250);
        }
        await Task.WhenAll(senders);
        var lived = !server.HasExited;
        if (lived)
        {
            using var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        await server.WaitForExitAsync();

        latencies.Sort();
        double Pct(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        var values = File.Exists(report)
            ? File.ReadAllLines(report).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])
            : [];
        string Mib(string name) => values.TryGetValue(name, out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var b)
            ? (b / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) : "?";
        var outOfMemory = appProcess.Log.Contains("OutOfMemory", StringComparison.Ordinal) ? "yes" : "no";
        Console.WriteLine($"{connections} trickling connections for {seconds} s ({cutOff} cut off by the app and reopened)");
        Console.WriteLine($"signed requests: {latencies.Count - failures.Count} / {latencies.Count} answered 200; p50 {Pct(0.5):0.0} ms, p99 {Pct(0.99):0.0} ms, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):0.0} ms; all under 3 s: {(failures.Count == 0 && latencies.All(l => l < 3000) ? "yes" : "NO")}");
        Console.WriteLine($"app alive at the end: {(lived ? "yes" : "NO")}; OutOfMemoryException in its output: {outOfMemory}; cgroup OOM: {(values.TryGetValue("oom_fired", out var oom) ? oom : "?")}");
        Console.WriteLine($"whole-tree peak PSS {Mib("peak_tree_pss_bytes")} MiB, peak RSS {Mib("peak_rss_bytes")} MiB");
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine("failed: " + failure);
        }
        return lived && failures.Count == 0 ? 0 : 1;
    }

    // One connection: a claim of 256 KB, then 3 bytes a second until the app cuts it off (true) or time is up.
    private static async Task<bool> TrickleOnceAsync(int port, string path, CancellationToken stop)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, stop);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
                $"X-Signature-Ed25519: {new string('0', 128)}\r\nX-Signature-Timestamp: 1\r\n" +
                $"X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0={new string('0', 64)}\r\n" +
                $"Content-Length: {256 * 1024}\r\n\r\n{{\"type\":"), stop);
            var answer = new byte[1024];
            var reading = stream.ReadAsync(answer, stop).AsTask();
            while (!stop.IsCancellationRequested)
            {
                if (await Task.WhenAny(reading, Task.Delay(1000, stop)) == reading)
                {
                    return true; // answered (408) or closed
                }
                await stream.WriteAsync("aaa"u8.ToArray(), stop);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return !stop.IsCancellationRequested;
        }
        return false;
    }

    private static async Task<(bool, string)> DiscordPingAsync(HttpClient http, Key key)
    {
        var body = "{\"type\":1,\"id\":\"1300000000000000777\",\"application_id\":\"1300000000000000001\",\"token\":\"ping-token\",\"version\":1}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))));
        return await SendAsync(http, request, "\"type\":1", "discord ping");
    }

    private static async Task<(bool, string)> SlackChallengeAsync(HttpClient http, int n)
    {
        var challenge = $"challenge{n}";
        var body = Encoding.UTF8.GetBytes($"{{\"type\":\"url_verification\",\"challenge\":\"{challenge}\",\"token\":\"x\"}}");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. body];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackSecret), signed)));
        return await SendAsync(http, request, challenge, "slack challenge");
    }

    private static async Task<(bool, string)> SendAsync(HttpClient http, HttpRequestMessage request, string expected, string what)
    {
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK && text.Contains(expected, StringComparison.Ordinal)
                ? (true, what)
                : (false, $"{what}: {(int)response.StatusCode} {text}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (false, $"{what}: {ex.Message}");
        }
    }

}

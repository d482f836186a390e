using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using NSec.Cryptography;

namespace MediaAnalysis.Bench;

// Process start to the first signed Discord PING answered (type 1 back), as after a wake-up: Fly starts the
// machine on Discord's request, which then waits for the app. Usage: LoadBench startup APP_DLL OUT_DIR [runs=5]
public static class Startup
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (app, outDir) = (args[0], args[1]);
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        Directory.CreateDirectory(outDir);
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var port = AppProcess.FreePort();
            var database = Path.Combine(outDir, $"startup-{run}.db");
            File.Delete(database);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(app);
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
            start.Environment["Deepgram__ApiKey"] = "k";
            start.Environment["OpenRouter__ApiKey"] = "k";
            start.Environment["Storage__ConnectionString"] = $"Data Source={database}";
            start.Environment["Discord__ApplicationId"] = "1300000000000000001";
            start.Environment["Discord__BotToken"] = "bench-token";
            start.Environment["Discord__PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            using var server = Process.Start(start)!;
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            double? answered = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(20) && !server.HasExited)
            {
                if (await PingAsync(http, key))
                {
                    answered = clock.Elapsed.TotalMilliseconds;
                    break;
                }
                await Task.Delay(5);
            }
            server.Kill();
            await server.WaitForExitAsync();
            if (answered is not { } ms)
            {
                Console.Error.WriteLine($"run {run}: no PING answer");
                return 1;
            }
            times.Add(ms);
            Console.WriteLine($"run {run}: start to first signed PING answered in {ms:0} ms");
        }
        Console.WriteLine($"max {times.Max():0} ms, all under 1 s: {(times.All(t => t < 1000) ? "yes" : "NO")}");
        return 0;
    }

    private static async Task<bool> PingAsync(HttpClient http, Key key)
    {
        var body = "{\"type\":1,\"id\":\"1300000000000000777\",\"application_id\":\"1300000000000000001\",\"token\":\"ping-token\",\"version\":1}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))));
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"type\":1", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

}

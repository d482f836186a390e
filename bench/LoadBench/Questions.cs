using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Discord;
using NSec.Cryptography;

namespace MediaAnalysis.Bench;

// Question latency: `serve` analyzes one video, then QUESTIONS signed `/ask` interactions are sent in its thread one
// after another; each is timed from the moment its deferred reply was received (accepted) to the moment the fake
// Discord received the answer (the edit of @original). The question model's latency at the fake OpenRouter is fixed
// (MODEL_MS), so what the bot adds is the rest. Usage (bench/run.sh questions does it):
//   LoadBench questions APP_DLL VIDEO OUT_DIR [questions=20] [model_ms=2000]
public static class Questions
{
    private const string Asker = "bench/asker";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: LoadBench questions APP_DLL VIDEO OUT_DIR [questions] [model_ms]");
            return 2;
        }
        var (app, video, outDir) = (args[0], args[1], args[2]);
        var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        var modelLatency = TimeSpan.FromMilliseconds(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2000);
        Directory.CreateDirectory(outDir);

        await using var deepgram = await FakeDeepgram.StartAsync(Path.Combine(outDir, "deepgram"));
        await using var openRouter = await FakeOpenRouter.StartAsync();
        await using var files = await FakeFileHost.StartAsync();
        await using var discord = await FakeDiscordApi.StartAsync();
        deepgram.DecodeAudio = false;
        openRouter.LatencyFor = model => model == Asker ? modelLatency : TimeSpan.FromMilliseconds(200);
        files.ServeFile("/attachments/video.mp4", video);

        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var port = AppProcess.FreePort();
        var database = Path.Combine(outDir, "questions.db");
        File.Delete(database);
        var start = new ProcessStartInfo("dotnet");
        foreach (var a in new[] { app, "serve", $"--urls=http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(a);
        }
        var env = AppProcess.FakesSettings(deepgram, openRouter, files, discord, key, outDir);
        env["Storage__ConnectionString"] = $"Data Source={database}";
        env["Analysis__QuestionModel"] = Asker;
        env["Limits__QuestionsPerMemberDaily"] = "10000";
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }
        using var server = AppProcess.Start(start);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            if (!await server.WaitHealthyAsync(http, TimeSpan.FromSeconds(30)))
            {
                Console.Error.WriteLine("the app did not start:\n" + server.Log);
                return 1;
            }
            var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "interaction.json")))!.AsObject();
            var analyze = (JsonObject)template.DeepClone();
            analyze["id"] = "1900000000000000001";
            analyze["token"] = "token-analyze";
            var attachment = analyze["data"]!["resolved"]!["attachments"]!.AsObject().Single().Value!;
            attachment["url"] = new Uri(files.BaseAddress, "/attachments/video.mp4").ToString();
            attachment["size"] = new FileInfo(video).Length;
            discord.Interaction("token-analyze", analyze["channel_id"]!.GetValue<string>());
            using (await SendAsync(http, key, analyze.ToJsonString())) { }
            if (!await WaitAsync(() => Task.FromResult(discord.Threads.Count == 1 && discord.Requests.Any(r => r.Body?.Contains("is done", StringComparison.Ordinal) == true)),
                TimeSpan.FromMinutes(3)))
            {
                Console.Error.WriteLine("the video was not analyzed:\n" + server.Log);
                return 1;
            }
            var thread = discord.Threads[0].Id;

            var extra = new List<double>();
            for (var i = 0; i < count; i++)
            {
                var token = $"token-ask-{i}";
                var ask = (JsonObject)template.DeepClone();
                ask["id"] = (1900000000000001000L + i).ToString(CultureInfo.InvariantCulture);
                ask["token"] = token;
                ask["channel_id"] = thread;
                ask["channel"]!["id"] = thread;
                ask["channel"]!["type"] = 11;
                ask["data"] = new JsonObject
                {
                    ["id"] = "1300000000000000011", ["name"] = "ask", ["type"] = 1,
                    ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = $"What was decided, point {i}?" }),
                };
                discord.Interaction(token, thread);
                using var response = await SendAsync(http, key, ask.ToJsonString());
                var accepted = DateTimeOffset.UtcNow;
                if (!await WaitAsync(() => Task.FromResult(Posted(discord, token) is not null), TimeSpan.FromSeconds(60)))
                {
                    Console.Error.WriteLine($"question {i} was not answered:\n" + server.Log);
                    return 1;
                }
                var total = (Posted(discord, token)!.Value - accepted).TotalMilliseconds;
                extra.Add(total - modelLatency.TotalMilliseconds);
            }
            var sorted = extra.Order().ToArray();
            double Pct(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"questions {count}, model latency {modelLatency.TotalMilliseconds:0} ms; accept -> answer posted = model + p50 {Pct(0.5):0} ms, p90 {Pct(0.9):0} ms, max {sorted[^1]:0} ms; under +1 s: {sorted.Count(x => x < 1000)}/{count}"));
            return sorted[^1] < 1000 ? 0 : 1;
        }
        finally
        {
            if (!server.Process.HasExited)
            {
                server.Process.Kill(entireProcessTree: true);
            }
        }
    }

    // When the fake received the edit of this interaction's deferred reply with the answer.
    private static DateTimeOffset? Posted(FakeDiscordApi discord, string token) => discord.Requests
        .Where(r => r.Method == "PATCH" && r.Path.Contains($"/{token}/messages/@original", StringComparison.Ordinal) && r.Status is >= 200 and < 300)
        .Select(r => (DateTimeOffset?)r.ReceivedAt).FirstOrDefault();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Key key, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))));
        return await http.SendAsync(request);
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within)
            {
                return false;
            }
            await Task.Delay(10);
        }
        return true;
    }
}

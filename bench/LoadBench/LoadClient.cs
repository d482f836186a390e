using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace MediaAnalysis.Bench;

// The burst of signed /analyze interactions, sent from a process of its own: Discord's servers are not in
// the process of the fakes, whose work (serving downloads, receiving audio, their own JIT and GC) would
// otherwise delay sends and replies and be counted as the app's accept time.
//   LoadBench client BASE_URL KEY_FILE FILE_URL FILE_SIZE OUT_FILE requests tenants spread_s [kind=analyze|ping] [preload=0]
// OUT_FILE gets one line per request in send order: "latency_ms status tries". BASE_URL may list several instances,
// comma-separated (bench/run.sh chaos): request i goes to instance i mod n, and a refused or cut connection or a 5xx
// is sent to the next one after 100 ms, as a load balancer retries (accept latency counts from the first try). `preload` /analyze requests go first
// (interaction ids after the burst's), and the burst waits until that many jobs run (/healthz running).
// `ping`: the burst is of signed PINGs instead, the cheapest signed request, to compare with.
public static class LoadClient
{
    public static string InteractionId(int i) => (1500000000000000000L + i).ToString(CultureInfo.InvariantCulture);

    public static string ChannelId(int i, int tenants) => (1700000000000000000L + (i % tenants)).ToString(CultureInfo.InvariantCulture);

    public static async Task<int> RunAsync(string[] args)
    {
        var (baseUrl, keyFile, fileUrl, fileSize, outFile) = (args[0], args[1], args[2], long.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
        var (requests, tenants, spread) = (int.Parse(args[5], CultureInfo.InvariantCulture), int.Parse(args[6], CultureInfo.InvariantCulture),
            double.Parse(args[7], CultureInfo.InvariantCulture));
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(await File.ReadAllTextAsync(keyFile)), KeyBlobFormat.RawPrivateKey);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "interaction.json")))!.AsObject();
        var ping = args.Length > 8 && args[8] == "ping";
        var preload = args.Length > 9 ? int.Parse(args[9], CultureInfo.InvariantCulture) : 0;
        var bodies = Enumerable.Range(0, requests).Select(i => ping ? Ping(i) : Body(template, i, tenants, fileUrl, fileSize)).ToArray();
        var backends = baseUrl.Split(',').Select(u => new HttpClient { BaseAddress = new Uri(u) }).ToArray();
        var http = backends[0];
        if (preload > 0)
        {
            for (var i = requests; i < requests + preload; i++)
            {
                using var response = await SendAsync(http, key, Body(template, i, tenants, fileUrl, fileSize), CancellationToken.None);
            }
            var waited = Stopwatch.StartNew();
            while (JsonNode.Parse(await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)))!["running"]!.GetValue<int>() < preload)
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(60))
                {
                    await Console.Error.WriteLineAsync($"the {preload} preloaded jobs did not start");
                    return 1;
                }
                await Task.Delay(50);
            }
        }
        // A client that has sent before, as Discord's are: its own first-call costs (JIT, the connection,
        // the signing library) are not the app's. The app's interaction route itself stays cold.
        for (var i = 0; i < 3; i++)
        {
            using var warm = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(bodies[0]));
        }
        var accept = new double[requests];
        var statuses = new int[requests];
        var tries = new int[requests];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            // Spread evenly over the window, as people would click.
            var due = TimeSpan.FromSeconds(spread * i / requests) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }
            var sent = Stopwatch.GetTimestamp();
            while (true)
            {
                var backend = backends[(i + tries[i]++) % backends.Length];
                try
                {
                    using var response = await SendAsync(backend, key, bodies[i], ct);
                    statuses[i] = (int)response.StatusCode;
                    if (statuses[i] < 500 || tries[i] >= 4 * backends.Length)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (tries[i] < 4 * backends.Length)
                {
                }
                await Task.Delay(100, ct);
            }
            accept[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        });
        foreach (var backend in backends)
        {
            backend.Dispose();
        }
        await File.WriteAllLinesAsync(outFile, accept.Select((ms, i) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.000} {statuses[i]} {tries[i]}")));
        return 0;
    }

    // Signed as Discord signs (the time of sending, then the body); the signing (~0.1 ms) is inside the measured time.
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Key key, string body, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))));
        return await http.SendAsync(request, cancellationToken);
    }

    private static string Ping(int i) => new JsonObject
    {
        ["id"] = InteractionId(i),
        ["application_id"] = "1300000000000000001",
        ["type"] = 1,
        ["token"] = "token-" + InteractionId(i),
        ["version"] = 1,
    }.ToJsonString();

    private static string Body(JsonObject template, int i, int tenants, string fileUrl, long fileSize)
    {
        var interaction = (JsonObject)template.DeepClone();
        var id = InteractionId(i);
        var guild = (1600000000000000000L + (i % tenants)).ToString(CultureInfo.InvariantCulture);
        var channel = ChannelId(i, tenants);
        interaction["id"] = id;
        interaction["token"] = "token-" + id;
        interaction["guild_id"] = guild;
        interaction["channel_id"] = channel;
        interaction["channel"]!["id"] = channel;
        interaction["authorizing_integration_owners"] = new JsonObject { ["0"] = guild };
        // A distinct attachment per request: the same person asking twice for one video is pointed at the first job.
        var attachment = interaction["data"]!["resolved"]!["attachments"]!.AsObject().Single().Value!.DeepClone();
        var attachmentId = (1800000000000000000L + i).ToString(CultureInfo.InvariantCulture);
        attachment["id"] = attachmentId;
        interaction["data"]!["resolved"]!["attachments"] = new JsonObject { [attachmentId] = attachment };
        interaction["data"]!["options"]![0]!["value"] = attachmentId;
        attachment["url"] = fileUrl;
        attachment["size"] = fileSize;
        return interaction.ToJsonString();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace MediaAnalysis.Bench;

// The burst of signed /analyze interactions, sent from a process of its own: Discord's servers are not in
// the process of the fakes, whose work (serving downloads, receiving audio, their own JIT and GC) would
// otherwise delay sends and replies and be counted as the app's accept time.
//   LoadBench client BASE_URL KEY_FILE FILE_URL FILE_SIZE OUT_FILE requests tenants spread_s
// OUT_FILE gets one line per request in send order: "latency_ms status".
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
        var bodies = Enumerable.Range(0, requests).Select(i => Body(template, i, tenants, fileUrl, fileSize)).ToArray();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        // A client that has sent before, as Discord's are: its own first-call costs (JIT, the connection,
        // the signing library) are not the app's. The app's interaction route itself stays cold.
        for (var i = 0; i < 3; i++)
        {
            using var warm = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(bodies[0]));
        }
        var accept = new double[requests];
        var statuses = new int[requests];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            // Spread evenly over the window, as people would click.
            var due = TimeSpan.FromSeconds(spread * i / requests) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(bodies[i], Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Signature-Timestamp", timestamp);
            request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + bodies[i]))));
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, ct);
            accept[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            statuses[i] = (int)response.StatusCode;
        });
        await File.WriteAllLinesAsync(outFile, accept.Select((ms, i) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.000} {statuses[i]}")));
        return 0;
    }

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

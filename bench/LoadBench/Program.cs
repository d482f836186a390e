using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaAnalysis.Bench;
using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Discord;
using NSec.Cryptography;

// Load: N signed Discord /analyze interactions over T guilds against `serve` running under a memory cap,
// with fakes of realistic latency. Reports accept latency (p50/p99), the cap's report, and whether every job
// was done exactly once. Usage (bench/run.sh load does it):
//   LoadBench APP_DLL MEMCAP VIDEO OUT_DIR [requests=200] [tenants=50] [concurrent=4] [spread_s=10]
// The requests come from a second process (LoadClient); accept latency is its round trip, and the app's own
// request durations (GET /metrics) are reported beside it. LOADBENCH_ACCEPT_ONLY=1 stops after the burst,
// LOADBENCH_SERVER_LOG=FILE keeps the app's log, LOADBENCH_LOG_LEVEL sets it, LOADBENCH_APP_ENV="K=V;K=V" adds
// settings for the app alone. The burst (bench/run.sh burst): spread_s 0, LOADBENCH_PRELOAD=4 starts that many
// jobs and waits until they run before the burst (/healthz read fresh, so it starts as they start),
// LOADBENCH_KIND=ping sends signed PINGs instead of /analyze, LOADBENCH_NICED=10 under `nice -n 10` puts the fakes
// below the app and the client.
if (args is ["startup", .. var rest])
{
    return await MediaAnalysis.Bench.Startup.RunAsync(rest);
}
if (args is ["trickle", .. var trickleArgs])
{
    return await MediaAnalysis.Bench.Trickle.RunAsync(trickleArgs);
}
if (args is ["questions", .. var questionArgs])
{
    return await MediaAnalysis.Bench.Questions.RunAsync(questionArgs);
}
if (args is ["chaos", .. var chaosArgs])
{
    return await Chaos.RunAsync(chaosArgs);
}
if (args is ["client", .. var clientArgs])
{
    return await LoadClient.RunAsync(clientArgs);
}
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: LoadBench APP_DLL MEMCAP VIDEO OUT_DIR [requests] [tenants] [concurrent] [spread_s]");
    return 2;
}
var (app, memcap, video, outDir) = (args[0], args[1], args[2], args[3]);
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var (requests, tenants, concurrent, spread) = (Arg(4, 200), Arg(5, 50), Arg(6, 4), Arg(7, 10));
Directory.CreateDirectory(outDir);

await using var deepgram = await FakeDeepgram.StartAsync(Path.Combine(outDir, "deepgram"));
await using var openRouter = await FakeOpenRouter.StartAsync();
await using var files = await FakeFileHost.StartAsync();
await using var discord = await FakeDiscordApi.StartAsync();
deepgram.KeepBodies = false;
deepgram.DecodeAudio = false; // the real Deepgram decodes on its own machines, not on the 2 cores the app runs on
openRouter.KeepBodies = false;
deepgram.LatencyFor = () => TimeSpan.FromSeconds(2 + (Random.Shared.NextDouble() * 8));
openRouter.LatencyFor = _ => TimeSpan.FromSeconds(3 + (Random.Shared.NextDouble() * 17));
// LOADBENCH_FILE_RATE=BYTES_PER_SECOND: each download at a CDN's pace instead of as fast as loopback goes.
var videoPath = "/attachments/video.mp4";
if (long.TryParse(Environment.GetEnvironmentVariable("LOADBENCH_FILE_RATE"), CultureInfo.InvariantCulture, out var fileRate))
{
    files.DirectoryRate = fileRate;
    files.ServeDirectory("/attachments/", Path.GetDirectoryName(Path.GetFullPath(video))!);
    videoPath = "/attachments/" + Path.GetFileName(video);
}
else
{
    files.ServeFile(videoPath, video);
}

// LOADBENCH_NICED=N: this process (the fakes) was started N steps down (`nice -n N`), and the app (with memcap's
// sampler) and the client are started N steps up again, at the caller's priority. The fakes stand for services
// on other machines; on these 2 cores they then take the CPU only when the app and the client leave it.
var niced = int.TryParse(Environment.GetEnvironmentVariable("LOADBENCH_NICED"), CultureInfo.InvariantCulture, out var steps) ? steps : 0;
ProcessStartInfo StartUnniced(string file, string[] arguments) => niced > 0
    ? new("nice", ["-n", (-niced).ToString(CultureInfo.InvariantCulture), file, .. arguments])
    : new(file, arguments);

using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
var port = AppProcess.FreePort();
var database = Path.Combine(outDir, "load.db");
File.Delete(database);
var report = Path.Combine(outDir, "memcap-load.txt");
// LOADBENCH_MEMCAP_INTERVAL_MS: how often memcap samples (its default 50 ms). Its sampler is a shell loop that
// forks a few processes per sample, about a fifth of a core at 50 ms on these 2 cores; the limit itself is the
// kernel's, whatever the interval, and so is peak_usage.
var sampling = Environment.GetEnvironmentVariable("LOADBENCH_MEMCAP_INTERVAL_MS") is { Length: > 0 } interval ? new[] { "-i", interval } : [];
var start = StartUnniced(memcap, [.. sampling, "-p", "-q", "-o", report, "256M", "--", "dotnet", app, "serve", $"--urls=http://127.0.0.1:{port}"]);
var env = AppProcess.FakesSettings(deepgram, openRouter, files, discord, key, outDir);
env["Storage__ConnectionString"] = $"Data Source={database}";
env["Queue__MaxConcurrentJobs"] = concurrent.ToString(CultureInfo.InvariantCulture);
env["Queue__MaxPendingPerTenant"] = "100";
env["Logging__LogLevel__Default"] = Environment.GetEnvironmentVariable("LOADBENCH_LOG_LEVEL") ?? "Warning";
// As the Dockerfile runs it: a VM has no cgroup limit for the GC to size itself from, so the image caps the heap.
env["DOTNET_GCHeapHardLimit"] = "0x6000000";
// /healthz's counts read fresh, not kept for Diagnostics:HealthCheckCacheFor (5 s): the client starts the burst once
// they show the preloaded jobs running, so it lands as they start, not at some point up to 5 s later; and the wait
// for the queue to drain below would otherwise stop at once on counts kept from before the requests (a run sent in
// under 5 s ended with 20 of its 24 jobs not yet done).
env["Diagnostics__HealthCheckCacheFor"] = "00:00:00";
// LOADBENCH_APP_ENV="NAME=value;NAME=value": extra settings for the app alone (runtime knobs under test).
foreach (var pair in (Environment.GetEnvironmentVariable("LOADBENCH_APP_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
{
    var at = pair.IndexOf('=', StringComparison.Ordinal);
    env[pair[..at]] = pair[(at + 1)..];
}
foreach (var (k, v) in env)
{
    start.Environment[k] = v;
}
using var appProcess = AppProcess.Start(start);
var server = appProcess.Process;
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
if (!await appProcess.WaitHealthyAsync(http, TimeSpan.FromSeconds(30)))
{
    Console.Error.WriteLine("the app did not start:\n" + appProcess.Log);
    return 1;
}

// The client runs as a process of its own (LoadClient), signing with this key.
var keyFile = Path.Combine(outDir, "client-key.hex");
await File.WriteAllTextAsync(keyFile, Convert.ToHexString(key.Export(KeyBlobFormat.RawPrivateKey)));
var kind = Environment.GetEnvironmentVariable("LOADBENCH_KIND") ?? "analyze";
var preload = int.TryParse(Environment.GetEnvironmentVariable("LOADBENCH_PRELOAD"), CultureInfo.InvariantCulture, out var n) ? n : 0;
for (var i = 0; i < requests + preload; i++)
{
    discord.Interaction("token-" + LoadClient.InteractionId(i), LoadClient.ChannelId(i, tenants));
}
var clientOut = Path.Combine(outDir, "accept-ms.txt");
var client = StartUnniced("dotnet", [typeof(LoadClient).Assembly.Location, "client", http.BaseAddress!.ToString(), keyFile,
    new Uri(files.BaseAddress, videoPath).ToString(), new FileInfo(video).Length.ToString(CultureInfo.InvariantCulture), clientOut,
    requests.ToString(CultureInfo.InvariantCulture), tenants.ToString(CultureInfo.InvariantCulture), spread.ToString(CultureInfo.InvariantCulture),
    kind, preload.ToString(CultureInfo.InvariantCulture)]);
client.RedirectStandardError = true;
var clock = Stopwatch.StartNew();
var appCpuBefore = AppCpu.Seconds(server.Id);
using (var sender = Process.Start(client)!)
{
    var clientErrors = await sender.StandardError.ReadToEndAsync();
    await sender.WaitForExitAsync();
    if (sender.ExitCode != 0)
    {
        Console.Error.WriteLine("the client failed:\n" + clientErrors);
        server.Kill(entireProcessTree: true);
        return 1;
    }
}
File.Delete(keyFile);
var appCpu = AppCpu.Seconds(server.Id) - appCpuBefore;
var results = (await File.ReadAllLinesAsync(clientOut)).Select(line => line.Split(' ')).ToArray();
var accept = results.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).ToArray();
var statuses = results.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
var sentIn = clock.Elapsed;
// The app's own view of the same requests: ASP.NET Core's request duration histogram, from Kestrel's start of
// the request to the end of the reply (no client, no loopback), read from GET /metrics.
var serverSide = ServerBuckets(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "/discord/interactions");
// LOADBENCH_ACCEPT_ONLY=1: report the accept latencies and stop, without waiting for the jobs.
var acceptOnly = Environment.GetEnvironmentVariable("LOADBENCH_ACCEPT_ONLY") == "1";

// Wait for the queue to drain.
while (!acceptOnly)
{
    var health = await http.GetStringAsync(new Uri("/healthz", UriKind.Relative));
    var node = JsonNode.Parse(health)!;
    if (node["running"]!.GetValue<int>() + node["queued"]!.GetValue<int>() == 0)
    {
        break;
    }
    if (server.HasExited)
    {
        Console.Error.WriteLine("the app died:\n" + appProcess.Log);
        break;
    }
    await Task.Delay(1000);
}
var drainedIn = clock.Elapsed;
// SIGTERM, which memcap forwards to the app (a graceful stop), so that it writes its report.
using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
{
    await kill.WaitForExitAsync();
}
await server.WaitForExitAsync();

if (Environment.GetEnvironmentVariable("LOADBENCH_SERVER_LOG") is { Length: > 0 } logFile)
{
    File.WriteAllText(logFile, appProcess.Log);
}
var slowest = accept.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(5).Select(x => $"#{x.i} {x.ms:0} ms");
Console.WriteLine($"slowest requests (by send order): {string.Join(", ", slowest)}");
Array.Sort(accept);
double Pct(double p) => accept[Math.Min(accept.Length - 1, (int)Math.Ceiling(p * accept.Length) - 1)];
var threads = discord.Threads;
var perThread = threads.Select(t => discord.MessagesIn(t.Id)).ToList();
var exactlyOnce = threads.Count == requests
    && perThread.All(m => m.Count(x => x.Files.Count == 1) == 1 && m.Sum(x => x.EmbedTitles.Count(t => t is "Summary" or "Review")) == 6);
var reportText = File.Exists(report) ? await File.ReadAllTextAsync(report) : "";
string Value(string name) => reportText.Split('\n').FirstOrDefault(l => l.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..] ?? "?";
string Mib(string bytes) => long.TryParse(bytes, out var b) ? (b / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) : "?";

Console.WriteLine($"requests {requests} over {tenants} guilds, sent in {sentIn.TotalSeconds:0.0} s, all jobs done after {drainedIn.TotalSeconds:0} s, MaxConcurrentJobs {concurrent}");
Console.WriteLine($"HTTP 200: {statuses.Count(s => s == 200)}/{requests}; accept latency p50 {Pct(0.50):0.0} ms, p99 {Pct(0.99):0.0} ms, max {accept[^1]:0.0} ms; under 3 s: {accept.Count(a => a < 3000)}");
Console.WriteLine($"app CPU while the client ran (the app's own process, not its ffmpeg children): {appCpu * 1000:0} ms, {appCpu * 1000 / (requests + preload):0.00} ms per request");
Console.WriteLine($"server side (http.server.request.duration): {string.Join(", ", serverSide.Select(b => $"<= {b.Le * 1000:0} ms {b.Count}"))}");
Console.WriteLine($"Deepgram calls {deepgram.Requests.Count}, model calls {openRouter.Requests.Count}, threads {threads.Count}, exactly once: {(exactlyOnce ? "yes" : "NO")}, Discord violations {discord.Violations.Count}");
Console.WriteLine($"peak whole-tree PSS {Mib(Value("peak_tree_pss_bytes"))} MiB, peak anon RSS {Mib(Value("peak_rss_bytes"))} MiB, OOM {Value("oom_fired")}");
return (acceptOnly || exactlyOnce) && statuses.All(s => s == 200) ? 0 : 1;

// Cumulative bucket counts of one route's request durations, summed over the other labels (status codes).
static List<(double Le, long Count)> ServerBuckets(string exposition, string route)
{
    var buckets = new SortedDictionary<double, long>();
    foreach (var line in exposition.Split('\n'))
    {
        if (!line.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) || !line.Contains($"http_route=\"{route}\"", StringComparison.Ordinal))
        {
            continue;
        }
        var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
        le = le[..le.IndexOf('"', StringComparison.Ordinal)];
        if (le == "+Inf" || !double.TryParse(le, CultureInfo.InvariantCulture, out var bound) || bound > 0.25)
        {
            continue;
        }
        var count = long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        buckets[bound] = buckets.GetValueOrDefault(bound) + count;
    }
    return buckets.Select(b => (b.Key, b.Value)).ToList();
}


using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Discord;
using NSec.Cryptography;

namespace MediaAnalysis.Bench;

// Chaos (issue 15): INSTANCES `serve` processes on one job store take N signed /analyze requests over T guilds
// from a client process that spreads them over the instances as a load balancer would (a refused or cut
// connection is sent to the next one). With KILLS > 0, a random live instance is killed with SIGKILL every few
// seconds and started again 1-3 s later, at most KILLS times, while jobs are still waiting. Reports throughput
// (jobs per minute until the store has none queued or running), accept latency, and the fakes' counts: every
// job's thread holds one transcript and six answers, none twice.
//   LoadBench chaos APP_DLL VIDEO OUT_DIR STORE [requests=200] [tenants=50] [concurrent=4] [spread_s=10] [instances=3] [kills=6]
// STORE: "sqlite" (one file; one instance only) or an Npgsql connection string of an empty database.
// LOADBENCH_LATENCY_SCALE (default 1) multiplies the fakes' latencies (Deepgram 2-10 s, models 3-20 s).
internal static class Chaos
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (app, video, outDir, store) = (args[0], args[1], args[2], args[3]);
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (requests, tenants, concurrent, spread, instances, kills) = (Arg(4, 200), Arg(5, 50), Arg(6, 4), Arg(7, 10), Arg(8, 3), Arg(9, 6));
        var scale = double.TryParse(Environment.GetEnvironmentVariable("LOADBENCH_LATENCY_SCALE"), CultureInfo.InvariantCulture, out var s) ? s : 1.0;
        Directory.CreateDirectory(outDir);

        await using var deepgram = await FakeDeepgram.StartAsync(Path.Combine(outDir, "deepgram"));
        await using var openRouter = await FakeOpenRouter.StartAsync();
        await using var files = await FakeFileHost.StartAsync();
        await using var discord = await FakeDiscordApi.StartAsync();
        deepgram.KeepBodies = false;
        deepgram.DecodeAudio = false;
        openRouter.KeepBodies = false;
        deepgram.LatencyFor = () => TimeSpan.FromSeconds(scale * (2 + (Random.Shared.NextDouble() * 8)));
        openRouter.LatencyFor = _ => TimeSpan.FromSeconds(scale * (3 + (Random.Shared.NextDouble() * 17)));
        files.ServeFile("/attachments/video.mp4", video);

        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var sqlite = store == "sqlite";
        var database = Path.Combine(outDir, "chaos.db");
        File.Delete(database);
        var env = AppProcess.FakesSettings(deepgram, openRouter, files, discord, key, outDir);
        env["Storage__Provider"] = sqlite ? "sqlite" : "postgres";
        env["Storage__ConnectionString"] = sqlite ? $"Data Source={database}" : store;
        env["Queue__MaxConcurrentJobs"] = concurrent.ToString(CultureInfo.InvariantCulture);
        env["Queue__MaxPendingPerTenant"] = "100";
        env["Queue__LeaseDuration"] = "00:00:15";
        env["Queue__PollInterval"] = "00:00:01";
        env["DOTNET_GCHeapHardLimit"] = "0x6000000";
        // The drain below waits on /healthz's counts: read fresh, not kept for 5 s (a count from before the requests
        // ended a run shorter than that at once, 8 of its 20 jobs still queued).
        env["Diagnostics__HealthCheckCacheFor"] = "00:00:00";
        using var fleet = new Fleet(app, env, instances);
        await Task.WhenAll(Enumerable.Range(0, instances).Select(fleet.StartAsync));

        var keyFile = Path.Combine(outDir, "client-key.hex");
        await File.WriteAllTextAsync(keyFile, Convert.ToHexString(key.Export(KeyBlobFormat.RawPrivateKey)));
        for (var i = 0; i < requests; i++)
        {
            discord.Interaction("token-" + LoadClient.InteractionId(i), LoadClient.ChannelId(i, tenants));
        }
        var clientOut = Path.Combine(outDir, "accept-ms.txt");
        var client = new ProcessStartInfo("dotnet") { RedirectStandardError = true };
        foreach (var a in new[] { typeof(LoadClient).Assembly.Location, "client", string.Join(',', fleet.Urls), keyFile,
            new Uri(files.BaseAddress, "/attachments/video.mp4").ToString(), new FileInfo(video).Length.ToString(CultureInfo.InvariantCulture), clientOut,
            requests.ToString(CultureInfo.InvariantCulture), tenants.ToString(CultureInfo.InvariantCulture), spread.ToString(CultureInfo.InvariantCulture) })
        {
            client.ArgumentList.Add(a);
        }
        var clock = Stopwatch.StartNew();
        using var stopChaos = new CancellationTokenSource();
        var killed = new List<string>();
        var chaos = kills > 0 ? KillAndRestartAsync(fleet, kills, killed, clock, stopChaos.Token) : Task.CompletedTask;
        using (var sender = Process.Start(client)!)
        {
            var clientErrors = await sender.StandardError.ReadToEndAsync();
            await sender.WaitForExitAsync();
            if (sender.ExitCode != 0)
            {
                Console.Error.WriteLine("the client failed:\n" + clientErrors);
                return 1;
            }
        }
        File.Delete(keyFile);
        var sentIn = clock.Elapsed;

        // Drained: no job queued or running in the store (any live instance's /healthz says so for all).
        while (true)
        {
            if (await CountsAsync(fleet) is { } counts && counts.Running + counts.Queued == 0)
            {
                break;
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(30))
            {
                Console.Error.WriteLine("not drained after 30 minutes");
                break;
            }
            await Task.Delay(500);
        }
        var drainedIn = clock.Elapsed;
        await stopChaos.CancelAsync();
        await chaos;
        await fleet.StopAsync();
        await File.WriteAllTextAsync(Path.Combine(outDir, "instances.log"), fleet.Log);

        var results = (await File.ReadAllLinesAsync(clientOut)).Select(line => line.Split(' ')).ToArray();
        var accept = results.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).Order().ToArray();
        var statuses = results.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        var tries = results.Select(r => r.Length > 2 ? int.Parse(r[2], CultureInfo.InvariantCulture) : 1).ToArray();
        double Pct(double p) => accept[Math.Min(accept.Length - 1, (int)Math.Ceiling(p * accept.Length) - 1)];
        var threads = discord.Threads;
        var perThread = threads.Select(t => discord.MessagesIn(t.Id)).ToList();
        var exactlyOnce = threads.Count == requests
            && perThread.All(m => m.Count(x => x.Files.Count == 1) == 1 && m.Sum(x => x.EmbedTitles.Count(t => t is "Summary" or "Review")) == 6);
        var answersPosted = perThread.Sum(m => m.Sum(x => x.EmbedTitles.Count(t => t is "Summary" or "Review")));
        var overlaps = TenantOverlaps(discord, threads);

        Console.WriteLine($"store {(sqlite ? "SQLite" : "PostgreSQL")}, {instances} instance(s) x MaxConcurrentJobs {concurrent}, kills {killed.Count}"
            + (killed.Count > 0 ? $" ({string.Join(", ", killed)})" : "") + $", latency scale {scale}");
        Console.WriteLine($"requests {requests} over {tenants} guilds, sent in {sentIn.TotalSeconds:0.0} s, all jobs done after {drainedIn.TotalSeconds:0} s: "
            + $"{requests / drainedIn.TotalMinutes:0.0} jobs/min");
        Console.WriteLine($"HTTP 200: {statuses.Count(x => x == 200)}/{requests} ({tries.Count(t => t > 1)} sent again to another instance); "
            + $"accept latency p50 {Pct(0.50):0.0} ms, p99 {Pct(0.99):0.0} ms, max {accept[^1]:0.0} ms");
        Console.WriteLine($"Deepgram calls {deepgram.Requests.Count}, model calls {openRouter.Requests.Count}, threads {threads.Count}, answers posted {answersPosted}, "
            + $"exactly once: {(exactlyOnce ? "yes" : "NO")}, Discord violations {discord.Violations.Count}");
        Console.WriteLine($"jobs of one guild running at the same time (seen from the posts): {overlaps}");
        return exactlyOnce && overlaps == 0 && statuses.All(x => x == 200) ? 0 : 1;
    }

    // One running job per guild, checked from outside: each job's posts in its thread (transcript and answers, all made
    // while it runs) span an interval, and within one guild (one channel here) no two intervals may overlap.
    private static int TenantOverlaps(FakeDiscordApi discord, IReadOnlyList<FakeDiscordChannel> threads) =>
        threads.GroupBy(t => t.ParentId).Sum(guild =>
        {
            var spans = guild
                .Select(t => discord.MessagesIn(t.Id).Where(m => m.Files.Count > 0 || m.EmbedTitles.Count > 0).Select(m => m.CreatedAt).ToList())
                .Where(times => times.Count > 0)
                .Select(times => (From: times.Min(), To: times.Max()))
                .OrderBy(span => span.From)
                .ToList();
            return spans.Zip(spans.Skip(1)).Count(pair => pair.Second.From < pair.First.To);
        });

    // Every 4-10 s a random live instance dies (SIGKILL) and comes back 1-3 s later, while requests are still
    // being sent or jobs wait; at most `kills` times.
    private static async Task KillAndRestartAsync(Fleet fleet, int kills, List<string> killed, Stopwatch clock, CancellationToken stop)
    {
        try
        {
            while (killed.Count < kills)
            {
                await Task.Delay(TimeSpan.FromSeconds(4 + (Random.Shared.NextDouble() * 6)), stop);
                var alive = Enumerable.Range(0, fleet.Count).Where(fleet.IsAlive).ToList();
                if (alive.Count < 2)
                {
                    continue;
                }
                var victim = alive[Random.Shared.Next(alive.Count)];
                await fleet.KillAsync(victim);
                killed.Add(string.Create(CultureInfo.InvariantCulture, $"#{victim} at {clock.Elapsed.TotalSeconds:0} s"));
                await Task.Delay(TimeSpan.FromSeconds(1 + (Random.Shared.NextDouble() * 2)), CancellationToken.None);
                await fleet.StartAsync(victim);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<(int Running, int Queued)?> CountsAsync(Fleet fleet)
    {
        foreach (var url in fleet.Urls)
        {
            try
            {
                using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
                var node = JsonNode.Parse(await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)))!;
                return (node["running"]!.GetValue<int>(), node["queued"]!.GetValue<int>());
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // That instance is down just now: ask the next.
            }
        }
        return null;
    }
}

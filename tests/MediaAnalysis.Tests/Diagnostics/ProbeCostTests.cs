using System.Diagnostics;
using System.Net;
using System.Text;
using MediaAnalysis.Cli;
using MediaAnalysis.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MediaAnalysis.Tests.Diagnostics;

// Issue 14, item 6: probes are cheap. /healthz is not a database write per probe, /metrics never waits for
// SQLite, and requests that fail their signature do not keep the machine awake.
[Collection(AloneCollection.Name)]
public sealed class ProbeCostTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-probes-{Guid.NewGuid():N}");

    private Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Deepgram:ApiKey"] = "k",
            ["OpenRouter:ApiKey"] = "k",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "jobs.db")}",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    [Fact]
    public async Task Twenty_health_probes_make_one_write_check()
    {
        JobStoreSpy spy = null!;
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], Settings(), services => Spy(services, s => spy = s));
        await app.StartAsync();
        using var http = Client(app);

        for (var i = 0; i < 20; i++)
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, spy.CallsTo(nameof(IJobStore.CanWriteAsync)));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_scrape_does_not_wait_for_a_slow_store_and_shows_the_counts_once_read()
    {
        JobStoreSpy spy = null!;
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], Settings(), services => Spy(services, s =>
        {
            spy = s;
            s.CountsDelay = TimeSpan.FromSeconds(3);
        }));
        await app.StartAsync();
        using var http = Client(app);

        var clock = Stopwatch.StartNew();
        using (var scrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"a scrape took {clock.Elapsed} beside a store taking 3 s");

        // The count read in the background (3 s) lands in a later scrape; every scrape meanwhile stays quick. The first
        // comes 0.5 s after the read began, so one that waited for it would take about 2.5 s: the 2 s bound tells them
        // apart and leaves room for a busy test process (a scrape took 1.08 s in one full run).
        var text = "";
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20) && !text.Contains("mediaanalysis_queue_depth{", StringComparison.Ordinal);)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            clock.Restart();
            using var later = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"a scrape took {clock.Elapsed}");
            text = await later.Content.ReadAsStringAsync();
        }
        Assert.Contains("mediaanalysis_queue_depth{", text, StringComparison.Ordinal);
        Assert.True(spy.CallsTo(nameof(IJobStore.CountsAsync)) >= 1);
        await app.StopAsync();
    }

    [Fact]
    public async Task Requests_refused_for_their_signature_do_not_keep_serve_awake()
    {
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], Settings(
            ("Lifecycle:IdleShutdownAfter", "00:00:01.500"),
            ("Slack:SigningSecret", "probe0signing0secret0for0tests"),
            ("Slack:BotToken", "xoxb-probe-test"),
            ("Slack:ApiBaseUrl", "http://127.0.0.1:9/api")));
        var stopped = new TaskCompletionSource();
        app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        await app.StartAsync();
        using var http = Client(app);
        var clock = Stopwatch.StartNew();

        // Anyone on the internet, every 200 ms: a body with a made-up signature.
        while (!stopped.Task.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var content = new StringContent("{\"type\":\"url_verification\",\"challenge\":\"x\"}", Encoding.UTF8, "application/json");
            content.Headers.Add("X-Slack-Request-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            content.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64));
            try
            {
                using var response = await http.PostAsync(new Uri("/slack/events", UriKind.Relative), content);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            catch (HttpRequestException) when (stopped.Task.IsCompleted)
            {
            }
            await Task.WhenAny(stopped.Task, Task.Delay(200));
        }

        Assert.True(stopped.Task.IsCompleted, "serve stayed awake for unsigned requests");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        await app.StopAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static void Spy(IServiceCollection services, Action<JobStoreSpy> seen)
    {
        var real = services.Single(d => d.ServiceType == typeof(IJobStore));
        services.Remove(real);
        services.AddSingleton(sp =>
        {
            // AddJobStore registers a factory (SQLite or PostgreSQL as Storage:Provider says).
            var inner = real.ImplementationType is { } type ? ActivatorUtilities.CreateInstance(sp, type) : real.ImplementationFactory!(sp);
            var store = JobStoreSpy.Wrap((IJobStore)inner, out var spy);
            seen(spy);
            return store;
        });
    }

    private static HttpClient Client(WebApplication app) => new()
    {
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
    };
}

using System.Diagnostics;
using System.Net;
using MediaAnalysis.Cli;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MediaAnalysis.Tests.Diagnostics;

public sealed class ServeTests
{
    private static readonly Dictionary<string, string?> Keys = new()
    {
        ["Deepgram:ApiKey"] = "k",
        ["OpenRouter:ApiKey"] = "k",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"ma-serve-{Guid.NewGuid():N}", "jobs.db")}",
    };

    [Fact]
    public async Task Healthz_answers_200_with_json()
    {
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], Keys);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_stops_itself_when_idle_and_health_checks_and_scrapes_do_not_keep_it_awake()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ma-idle-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>(Keys)
        {
            ["Lifecycle:IdleShutdownAfter"] = "00:00:01.500",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "jobs.db")}",
        };
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], settings);
        var stopped = new TaskCompletionSource();
        app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var clock = Stopwatch.StartNew();

        // A probe every 200 ms, as a platform's health checks, and metric scrapes do not count as activity.
        while (!stopped.Task.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using var _ = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            using var scrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, scrape.StatusCode);
            await Task.WhenAny(stopped.Task, Task.Delay(200));
        }

        Assert.True(stopped.Task.IsCompleted, "serve did not stop when idle");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        await app.StopAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task The_real_program_exits_2_naming_missing_keys()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MediaAnalysis.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        start.Environment.Remove("Deepgram__ApiKey");
        start.Environment.Remove("OpenRouter__ApiKey");
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ExitCodes.BadArguments, process.ExitCode);
        Assert.Contains("Deepgram:ApiKey is required", stderr);
        Assert.Contains("OpenRouter:ApiKey is required", stderr);
    }

    [Fact]
    public async Task An_unknown_verb_exits_2_with_usage()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaAnalysis.dll"));
        start.ArgumentList.Add("frobnicate");
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ExitCodes.BadArguments, process.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", stderr);
    }
}

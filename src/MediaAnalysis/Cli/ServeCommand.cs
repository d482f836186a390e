using Microsoft.AspNetCore.Server.Kestrel.Core;
using MediaAnalysis.Chat;
using MediaAnalysis.Configuration;
using MediaAnalysis.Diagnostics;
using MediaAnalysis.Lifecycle;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Queue;
using MediaAnalysis.Settings;
using MediaAnalysis.Spend;
using MediaAnalysis.Storage;
using MediaAnalysis.Web;

namespace MediaAnalysis.Cli;

// `serve`: the web host with the chat endpoints, the queue and the workers.
public static class ServeCommand
{
    // `configure` lets a test host add services (a test chat adapter) before the app is built.
    public static WebApplication Build(
        IReadOnlyList<string> args,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [.. args],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        // Webhooks are a few KB: the app reads at most 256 KB of a body (WebhookBody, grown as bytes arrive; past
        // 16 KiB at most Webhooks:MaxConcurrentBodies at once) within Webhooks:BodyTimeout;
        // Kestrel refuses anything over 1 MB outright, headers that take over 10 s, and bodies under 240 B/s.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        });
        // One JSON object a line in production (with the job's scope: JobId, Platform, Tenant); readable lines in development.
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        builder.Services.AddPipeline();
        builder.Services.AddServerSettings();
        builder.Services.AddJobs();
        builder.Services.AddSpend();
        builder.Services.AddChat(builder.Configuration);
        builder.Services.AddLifecycle();
        builder.Services.AddAppMetrics();
        builder.Services.AddResultPages();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseSafeErrors();
        app.UseActivityTracking();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapChatEndpoints(app.Configuration);
        app.MapResultPages();
        return app;
    }

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stderr,
        Action<IServiceCollection>? configure,
        CancellationToken cancellationToken)
    {
        // Webhooks come in bursts and SQLite calls block their thread: start with enough threads that a burst
        // never waits for the pool to grow (it adds about one a second beyond its minimum, which is the core count).
        // Set here, when the process serves, not in Build: tests build many hosts in one process.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
        await using var app = Build(args, overrides: null, configure);
        var problems = ConfigurationCheck.Collect(app.Services);
        if (problems.Count > 0)
        {
            ConfigurationCheck.Report(problems, stderr);
            return ExitCodes.BadArguments;
        }
        // The job store first (PostgreSQL may still be starting: retried for Storage:StartupTimeout): one sentence
        // and exit 2 when it cannot be had, before anything listens.
        try
        {
            await app.Services.GetRequiredService<IJobMaintenance>().InitializeAsync(cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return ExitCodes.BadArguments;
        }
        await app.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}

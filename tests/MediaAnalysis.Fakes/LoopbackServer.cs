using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace MediaAnalysis.Fakes;

// A real Kestrel server on 127.0.0.1 with an OS-chosen port, so the client under test goes through
// sockets, HTTP framing and its own handlers exactly as in production.
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Exception> _errors;

    private LoopbackServer(WebApplication app, Uri baseAddress, ConcurrentQueue<Exception> errors)
    {
        _app = app;
        BaseAddress = baseAddress;
        _errors = errors;
    }

    public Uri BaseAddress { get; }

    // Exceptions that escaped a handler (each one was answered with a 500).
    public IReadOnlyList<Exception> Errors => [.. _errors];

    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Hour-long audio and slow trickles are the point of these fakes; Kestrel's defaults
            // (30 MB bodies, 240 B/s minimum rates) would cut them off.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        var errors = new ConcurrentQueue<Exception>();
        try
        {
            app.Use((context, next) => AlwaysAnswerAsync(context, next, errors, app.Lifetime.ApplicationStopping));
            map(app);
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"), errors);
    }

    // Handlers see one token for "client gone or server stopping", so a hanging or endless handler
    // ends when the fake is disposed; an exception becomes a 500 (or an abort if headers went out).
    private static async Task AlwaysAnswerAsync(HttpContext context, RequestDelegate next, ConcurrentQueue<Exception> errors, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.RequestAborted = linked.Token;
        try
        {
            await next(context);
        }
        catch (Exception) when (linked.IsCancellationRequested)
        {
            context.Abort();
        }
#pragma warning disable CA1031 // Any fault in a fake must reach the client as a 500, never a hang.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errors.Enqueue(ex);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"fake handler failed: {ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

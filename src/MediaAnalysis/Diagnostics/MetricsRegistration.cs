using MediaAnalysis.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MediaAnalysis.Diagnostics;

public static class MetricsRegistration
{
    // The app's meter, the runtime's (memory, GC, thread pool) and ASP.NET Core's (request durations),
    // read on each scrape of GET /metrics: nothing is pushed anywhere, nothing runs between scrapes.
    public static IServiceCollection AddAppMetrics(this IServiceCollection services)
    {
        services.AddValidatedOptions<DiagnosticsOptions>(DiagnosticsOptions.SectionName);
        services.AddSingleton<StoreProbe>();
        services.AddSingleton<AppMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("media-analysis"))
            .WithMetrics(metrics => metrics
            .AddMeter(AppMetrics.MeterName, "System.Runtime", "Microsoft.AspNetCore.Hosting")
            .AddView("http.server.request.duration", new ExplicitBucketHistogramConfiguration
            {
                // Fine below 100 ms: the platforms' 3-second deadline is met or missed here.
                Boundaries = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3, 10],
            })
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        // The queue-depth gauge's counts are read before the scrape, awaited for at most StoreProbe.ScrapeWait.
        endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<StoreProbe>().FreshenAsync(StoreProbe.ScrapeWait, context.RequestAborted);
            await next(context);
        }), optionsName: null);
        return endpoints;
    }
}

using MediaAnalysis.Storage;

namespace MediaAnalysis.Diagnostics;

public static class HealthEndpoints
{
    // 200 when the app can take work; 503 when it cannot (the job store cannot be written).
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IJobStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            try
            {
                if (await store.CanWriteAsync(time.GetUtcNow(), cancellationToken))
                {
                    var (running, queued) = await store.CountsAsync(cancellationToken);
                    return Results.Json(new HealthReport("ok", running, queued, null), DiagnosticsJsonContext.Default.HealthReport);
                }
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
            }
            return Results.Json(new HealthReport("unavailable", 0, 0, "the job store cannot be written"),
                DiagnosticsJsonContext.Default.HealthReport, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}

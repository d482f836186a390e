namespace MediaAnalysis.Diagnostics;

public static class HealthEndpoints
{
    // 200 when the app can take work; 503 when it cannot (the job store cannot be written). The write check
    // is StoreProbe's, a few seconds old at most: a probe is not a database write.
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (StoreProbe probe, IInstanceStatus instance, CancellationToken cancellationToken) =>
        {
            var health = await probe.HealthAsync(cancellationToken);
            var report = health.CanWrite
                ? new HealthReport("ok", health.Running, health.Queued, null)
                : new HealthReport("unavailable", 0, 0, "the job store cannot be written");
            report = report with { Instance = instance.InstanceId, InstanceRunning = instance.RunningHere, Warning = instance.Warning };
            return health.CanWrite
                ? Results.Json(report, DiagnosticsJsonContext.Default.HealthReport)
                : Results.Json(report, DiagnosticsJsonContext.Default.HealthReport, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}

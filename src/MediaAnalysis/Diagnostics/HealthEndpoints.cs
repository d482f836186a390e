namespace MediaAnalysis.Diagnostics;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Json(new HealthReport("ok"), DiagnosticsJsonContext.Default.HealthReport));
        return endpoints;
    }
}

namespace MediaAnalysis.Diagnostics;

public static partial class ErrorHandling
{
    // Nothing unhandled becomes a stack trace in a response: a short JSON body, and the details in the log.
    public static IApplicationBuilder UseSafeErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var feature = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>();
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MediaAnalysis.Errors");
            Unhandled(logger, context.Request.Path, feature?.Error);
            context.Response.StatusCode = feature?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new ErrorBody("internal error"), DiagnosticsJsonContext.Default.ErrorBody);
        }));

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    private static partial void Unhandled(ILogger logger, string path, Exception? exception);
}

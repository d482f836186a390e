namespace MediaAnalysis.Diagnostics;

public static partial class ErrorHandling
{
    // Nothing unhandled becomes a stack trace in a response: a short JSON body, and the details in the log.
    public static IApplicationBuilder UseSafeErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var feature = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>();
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MediaAnalysis.Errors");
            if (feature?.Error is BadHttpRequestException bad)
            {
                // The sender's fault (a body too slow or too large): one warning line, no stack trace.
                BadRequest(logger, context.Request.Path, bad.StatusCode, bad.Message);
                context.Response.StatusCode = bad.StatusCode;
                if (bad.StatusCode == StatusCodes.Status503ServiceUnavailable)
                {
                    context.Response.Headers.RetryAfter = "1";
                }
                await context.Response.WriteAsJsonAsync(new ErrorBody(bad.StatusCode switch
                {
                    StatusCodes.Status408RequestTimeout => "request body too slow",
                    StatusCodes.Status413PayloadTooLarge => "request body too large",
                    StatusCodes.Status503ServiceUnavailable => "too many request bodies at once, try again",
                    _ => "bad request",
                }), DiagnosticsJsonContext.Default.ErrorBody);
                return;
            }
            Unhandled(logger, context.Request.Path, feature?.Error);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new ErrorBody("internal error"), DiagnosticsJsonContext.Default.ErrorBody);
        }));

    [LoggerMessage(1901, LogLevel.Warning, "Refused a request on {Path} with {Status}: {Reason}")]
    private static partial void BadRequest(ILogger logger, string path, int status, string reason);

    [LoggerMessage(1900, LogLevel.Error, "Unhandled error on {Path}")]
    private static partial void Unhandled(ILogger logger, string path, Exception? exception);
}

using System.Text.Json;
using MediaAnalysis.Configuration;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Web;

// GET /r/{token}: a job's results page; GET /r/{token}/state: what a running job's page polls for. Anything unknown,
// malformed or expired (or every token while Web:PublicBaseUrl is unset) gets the same 404 page after the same lookup.
public static partial class ResultPageEndpoints
{
    public static IEndpointRouteBuilder MapResultPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/r/{token}", PageAsync);
        endpoints.MapGet("/r/{token}/state", StateAsync);
        var web = endpoints.ServiceProvider.GetRequiredService<IOptions<WebOptions>>().Value;
        if (web.IsPlainHttp)
        {
            PlainHttp(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ResultPageEndpoints)));
        }
        return endpoints;
    }

    private static async Task PageAsync(HttpContext context, string token, ResultPageLoader loader, IOptions<WebOptions> web, ILogger<ResultPageLoader> logger)
    {
        Secure(context.Response);
        var found = await loader.LoadAsync(token, context.RequestAborted);
        if (found is not { } result || !web.Value.PagesEnabled)
        {
            NotFound(logger);
            await NotFoundAsync(context.Response, context.RequestAborted);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        var writer = new ChunkedResponseWriter(context.Response.Body);
        await PageWriter.WriteAsync(writer, result.Page, context.RequestAborted);
    }

    private static async Task StateAsync(HttpContext context, string token, ResultPageLoader loader, IOptions<WebOptions> web)
    {
        Secure(context.Response);
        var found = await loader.LoadAsync(token, context.RequestAborted);
        if (found is not { } result || !web.Value.PagesEnabled)
        {
            await NotFoundAsync(context.Response, context.RequestAborted);
            return;
        }
        var page = result.Page;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("state", PageWriter.StateText(page.State));
        json.WriteBoolean("finished", page.IsFinished);
        json.WriteBoolean("transcript", page.HasTranscript);
        json.WriteStartArray("cells");
        for (var p = 0; p < page.Prompts.Count; p++)
        {
            for (var m = 0; m < page.Models.Count; m++)
            {
                if (page.Outcome(page.Prompts[p], page.Models[m]) is null && !page.IsFinished)
                {
                    continue;
                }
                using var cell = new StringWriter();
                PageWriter.Cell(cell, page, p, m);
                json.WriteStartObject();
                json.WriteString("id", PageWriter.CellId(p, m));
                json.WriteString("html", cell.ToString());
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        if (page.Verdict is not null)
        {
            using var verdict = new StringWriter();
            PageWriter.Verdict(verdict, page);
            json.WriteString("verdict", verdict.ToString());
        }
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    // Every answer under /r/: no caching, no indexing, no referrer, no sniffing, nothing but the page's own style and script.
    private static void Secure(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = PageAssets.ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
    }

    private static async Task NotFoundAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(NotFoundPage, cancellationToken);
    }

    private const string NotFoundPage = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Page not found</title></head><body><main><h1>Page not found</h1><p>This link is unknown, or its job was deleted.</p></main></body></html>\n";

    [LoggerMessage(9001, LogLevel.Information, "A results page was asked for with an unknown, malformed or expired link")]
    private static partial void NotFound(ILogger logger);

    [LoggerMessage(9002, LogLevel.Warning, "Web:PublicBaseUrl is plain http: results page links travel unencrypted (use https outside local testing)")]
    private static partial void PlainHttp(ILogger logger);
}

using System.Globalization;
using System.Net.Http.Headers;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Analysis;

// One chat completion whose reply is a JSON-schema document (the panel verdict, a question's answer): the body is
// posted as given to {OpenRouter:BaseUrl}/chat/completions with the key and attribution headers, within
// OpenRouter:RequestTimeout. Not retried here: the callers decide (invalid document once more, then the fallback).
public sealed class SchemaCall(IHttpClientFactory httpClients, IOptions<OpenRouterOptions> openRouter)
{
    // Reply set when the endpoint answered with content (a document still to be checked); else Error says why not.
    public async Task<(ModelReply? Reply, ModelReply? Usage, string? Error)> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        var options = openRouter.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, options.BaseUrl.TrimEnd('/') + "/chat/completions")
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey ?? "");
            request.Headers.TryAddWithoutValidation("X-OpenRouter-Title", options.AppTitle);
            if (!string.IsNullOrWhiteSpace(options.AppUrl))
            {
                request.Headers.TryAddWithoutValidation("HTTP-Referer", options.AppUrl);
            }
            using var client = httpClients.CreateClient(nameof(ModelFanOut));
            using var response = await client.SendAsync(request, deadline.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            var reply = ModelReplyReader.Read((int)response.StatusCode, bytes);
            if (reply.Ok)
            {
                return (reply, reply, null);
            }
            var code = (int)response.StatusCode >= 400 ? (int)response.StatusCode : reply.ErrorCode;
            return (null, reply, $"error {code?.ToString(CultureInfo.InvariantCulture) ?? "in reply"}: {reply.Error ?? "no answer"}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, $"no answer within {Format.Span(options.RequestTimeout)}");
        }
        catch (HttpRequestException)
        {
            return (null, null, "the model endpoint could not be reached");
        }
    }
}

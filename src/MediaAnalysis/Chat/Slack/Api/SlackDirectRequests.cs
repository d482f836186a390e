using System.Net.Http.Headers;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Api;

// Requests outside the Web API: the upload URL files.getUploadURLExternal hands out (the token only when it is
// Slack's own host) and a command's response_url (no token: the URL is the credential).
internal sealed class SlackDirectRequests(HttpClient http, SlackOptions options, Uri baseUri, TimeProvider time, ILogger logger)
{
    private readonly OutboundPolicy _policy = new(time);
    private readonly RetryRules _plainRules = new(options.MaxAttempts, options.RetryBaseDelay);

    public async Task PostBytesAsync(Uri url, Stream content, long length, CancellationToken cancellationToken)
    {
        var start = content.CanSeek ? content.Position : 0;
        HttpContent Build()
        {
            var body = new ReplayableStreamContent(content, start, length);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return body;
        }
        var token = IsSlackHost(url) ? new AuthenticationHeaderValue("Bearer", options.BotToken) : null;
        if (token is null)
        {
            SlackLog.UploadWithoutToken(logger, url.Host);
        }
        await SendUnauthenticatedAsync("upload", url, Build, canResend: content.CanSeek, options.UploadTimeout, cancellationToken, token);
    }

    // Requests outside the Web API: any 2xx is success unless the body says ok:false; 429 and 5xx are retried,
    // both within Slack:MaxAttempts tries (_plainRules); a 429 even when the body cannot be sent twice.
    public async Task SendUnauthenticatedAsync(string name, Uri url, Func<HttpContent> content, bool canResend, TimeSpan timeout,
        CancellationToken cancellationToken, AuthenticationHeaderValue? authorization = null) =>
        await _policy.ExecuteAsync(_plainRules, async (tries, token) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
            deadline.CancelAfter(timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            request.Headers.Authorization = authorization;
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    if (await SlackAnswers.ReadRefusalAsync(response, deadline.Token) is { } refusal)
                    {
                        throw SlackAnswers.Failure(logger, name, refusal, status, null);
                    }
                    return new TryOutcome<bool>(true);
                }
                var kind = status == 429 ? RetryKind.RateLimit : RetryKind.Error;
                if ((status != 429 && status < 500) || !tries.CanRetry(kind) || (!canResend && status != 429))
                {
                    var (error, _) = await SlackAnswers.ReadErrorAsync(response, deadline.Token);
                    throw SlackAnswers.Failure(logger, name, error ?? $"http_{status}", status, null);
                }
                var delay = tries.Delay(RetryTiming.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()));
                SlackLog.ServerError(logger, name, status, tries.Attempt, delay.TotalSeconds);
                return new TryOutcome<bool>(kind, delay);
            }
            catch (Exception ex) when (SlackAnswers.IsNetworkFailure(ex, token))
            {
                var detail = ex is OperationCanceledException ? $"no answer within {Format.Span(timeout)}" : ex.Message;
                SlackLog.NetworkError(logger, name, tries.Attempt, detail);
                if (!(canResend || SlackAnswers.NeverSent(ex)) || !tries.CanRetry(RetryKind.Error))
                {
                    throw new SlackApiException(name, "request_failed", 0, $"Slack {name} failed: {detail}", ex);
                }
                return new TryOutcome<bool>(RetryKind.Error, tries.Backoff());
            }
        }, cancellationToken);

    // Plain http only when the API base is plain http too (a local fake); never credentials in the URL.
    public Uri CheckedUploadUrl(Uri url)
    {
        var schemeOk = url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && baseUri.Scheme == Uri.UriSchemeHttp);
        return schemeOk && string.IsNullOrEmpty(url.UserInfo)
            ? url
            : throw new SlackApiException("files.getUploadURLExternal", "invalid_upload_url", 200,
                $"Slack returned an upload URL the bot will not use ({url.Scheme}://{url.Host}).");
    }

    // Slack's own hosts over https, or the configured API base's origin (Slack itself, or a test fake).
    public bool IsSlackHost(Uri url)
    {
        if (Uri.Compare(url, baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return true;
        }
        var host = url.IdnHost;
        return url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
            && (host.Equals("slack.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase));
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;
using MediaAnalysis.Chat.Slack.Rendering;

namespace MediaAnalysis.Chat.Slack.Api;

public sealed partial class SlackApiClient
{
    // files.upload is retired; the external flow is: ask for an upload URL, POST the bytes there, then complete the
    // upload into the channel (or thread). `content` is read from its current position, `length` bytes, and left
    // open. Returns the file id.
    public async Task<string> UploadFileAsync(string channel, string? threadTs, string fileName, string title, Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        KeyValuePair<string, string>[] fields = [new("filename", fileName), new("length", length.ToString(CultureInfo.InvariantCulture))];
        var target = await CallAsync(SlackCall.Form("files.getUploadURLExternal", fields), SlackJsonContext.Default.UploadUrlResponse, cancellationToken);
        if (target.FileId is not { Length: > 0 } fileId || !Uri.TryCreate(target.UploadUrl, UriKind.Absolute, out var uploadUrl))
        {
            throw Unreadable("files.getUploadURLExternal");
        }
        await PostBytesAsync(CheckedUploadUrl(uploadUrl), content, length, cancellationToken);

        var complete = new CompleteUploadBody { Files = [new UploadedFileRef { Id = fileId, Title = title }], ChannelId = channel, ThreadTs = threadTs };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(complete, SlackJsonContext.Default.CompleteUploadBody);
        await CallAsync(SlackCall.Json("files.completeUploadExternal", bytes, channel, resendOnLostAnswer: false),
            SlackJsonContext.Default.CompleteUploadResponse, cancellationToken);
        SlackLog.FileShared(logger, fileId, length, channel);
        return fileId;
    }

    // A slash command's or shortcut's response_url: no token (the URL is the credential), at most 5 uses in
    // 30 minutes. Ephemeral: only the person who asked sees it.
    public Task RespondAsync(string responseUrl, string text, bool ephemeral, CancellationToken cancellationToken) =>
        RespondAsync(responseUrl, text, ephemeral, replaceOriginal: false, cancellationToken);

    // replaceOriginal: the answer takes the place of the earlier one (a slash command's "Looking…" note).
    public async Task RespondAsync(string responseUrl, string text, bool ephemeral, bool replaceOriginal, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || !IsSlackHost(url) || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new ArgumentException("The response_url is not a Slack URL.", nameof(responseUrl));
        }
        var body = new ResponseUrlBody
        {
            Text = TextClip.Clip(text, SlackLimits.MessageText),
            ResponseType = ephemeral ? ResponseUrlBody.Ephemeral : ResponseUrlBody.InChannel,
            ReplaceOriginal = replaceOriginal,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, SlackJsonContext.Default.ResponseUrlBody);
        await SendUnauthenticatedAsync("response_url", url, () => SlackCall.JsonContent(bytes), canResend: false, _options.RequestTimeout, cancellationToken);
    }

    private async Task PostBytesAsync(Uri url, Stream content, long length, CancellationToken cancellationToken)
    {
        var start = content.CanSeek ? content.Position : 0;
        HttpContent Build()
        {
            var body = new ReplayableStreamContent(content, start, length);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return body;
        }
        var token = IsSlackHost(url) ? new AuthenticationHeaderValue("Bearer", _options.BotToken) : null;
        if (token is null)
        {
            SlackLog.UploadWithoutToken(logger, url.Host);
        }
        await SendUnauthenticatedAsync("upload", url, Build, canResend: content.CanSeek, _options.UploadTimeout, cancellationToken, token);
    }

    // Requests outside the Web API: any 2xx is success unless the body says ok:false; 429 and 5xx are retried,
    // both within Slack:MaxAttempts tries (_plainRules); a 429 even when the body cannot be sent twice.
    private async Task SendUnauthenticatedAsync(string name, Uri url, Func<HttpContent> content, bool canResend, TimeSpan timeout,
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
                    if (await ReadRefusalAsync(response, deadline.Token) is { } refusal)
                    {
                        throw Failure(name, refusal, status, null);
                    }
                    return new TryOutcome<bool>(true);
                }
                var kind = status == 429 ? RetryKind.RateLimit : RetryKind.Error;
                if ((status != 429 && status < 500) || !tries.CanRetry(kind) || (!canResend && status != 429))
                {
                    var (error, _) = await ReadErrorAsync(response, deadline.Token);
                    throw Failure(name, error ?? $"http_{status}", status, null);
                }
                var delay = tries.Delay(RetryTiming.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()));
                SlackLog.ServerError(logger, name, status, tries.Attempt, delay.TotalSeconds);
                return new TryOutcome<bool>(kind, delay);
            }
            catch (Exception ex) when (IsNetworkFailure(ex, token))
            {
                var detail = ex is OperationCanceledException ? $"no answer within {Format.Span(timeout)}" : ex.Message;
                SlackLog.NetworkError(logger, name, tries.Attempt, detail);
                if (!(canResend || NeverSent(ex)) || !tries.CanRetry(RetryKind.Error))
                {
                    throw new SlackApiException(name, "request_failed", 0, $"Slack {name} failed: {detail}", ex);
                }
                return new TryOutcome<bool>(RetryKind.Error, tries.Backoff());
            }
        }, cancellationToken);

    // A 2xx answer is a success unless it is Slack JSON with ok:false (upload URLs answer "OK - 1234" as text).
    private static async Task<string?> ReadRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBody];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var body = buffer.AsSpan(0, length);
            if (!body.TrimStart(" \r\n\t"u8).StartsWith("{"u8))
            {
                return null;
            }
            var parsed = JsonSerializer.Deserialize(body, SlackJsonContext.Default.ApiResponse);
            return parsed is { Ok: false } ? parsed.Error ?? "unknown_error" : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }

    // Plain http only when the API base is plain http too (a local fake); never credentials in the URL.
    private Uri CheckedUploadUrl(Uri url)
    {
        var schemeOk = url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && _baseUri.Scheme == Uri.UriSchemeHttp);
        return schemeOk && string.IsNullOrEmpty(url.UserInfo)
            ? url
            : throw new SlackApiException("files.getUploadURLExternal", "invalid_upload_url", 200,
                $"Slack returned an upload URL the bot will not use ({url.Scheme}://{url.Host}).");
    }

    // Slack's own hosts over https, or the configured API base's origin (Slack itself, or a test fake).
    private bool IsSlackHost(Uri url)
    {
        if (Uri.Compare(url, _baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return true;
        }
        var host = url.IdnHost;
        return url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
            && (host.Equals("slack.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase));
    }
}

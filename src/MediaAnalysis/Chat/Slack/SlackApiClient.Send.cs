using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack;

public sealed partial class SlackApiClient
{
    private const int MaxErrorBody = 16 * 1024;

    private async Task<T> CallAsync<T>(SlackCall call, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        for (var attempt = 1; ; attempt++)
        {
            if (call.PaceChannel is { } channel)
            {
                await pacer.WaitTurnAsync(channel, cancellationToken);
            }
            (T? Result, TimeSpan Delay) outcome;
            try
            {
                outcome = await TryOnceAsync(call, answer, attempt, cancellationToken);
            }
            finally
            {
                if (call.PaceChannel is { } paced)
                {
                    pacer.Sent(paced);
                }
            }
            var (result, delay) = outcome;
            if (result is not null)
            {
                return result;
            }
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    // One try: the answer, or how long to wait before the next try; throws when there is to be none.
    private async Task<(T? Result, TimeSpan Delay)> TryOnceAsync<T>(SlackCall call, JsonTypeInfo<T> answer, int attempt, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(call.Verb, new Uri(_baseUri, call.Method + call.Query)) { Content = call.Content?.Invoke() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);

        HttpResponseMessage response;
        var started = time.GetTimestamp();
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (Exception ex) when (IsNetworkFailure(ex, cancellationToken))
        {
            var detail = ex is OperationCanceledException ? $"no answer within {Format.Span(_options.RequestTimeout)}" : ex.Message;
            SlackLog.NetworkError(logger, call.Method, attempt, detail);
            if ((call.ResendOnLostAnswer || NeverSent(ex)) && attempt < _options.MaxAttempts)
            {
                return (null, RetryTiming.Backoff(attempt, _options.RetryBaseDelay));
            }
            throw new SlackApiException(call.Method, "request_failed", 0, $"Slack {call.Method} failed: {detail}", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            SlackLog.RequestDone(logger, call.Method, status, time.GetElapsedTime(started).TotalMilliseconds);
            if (status == 429)
            {
                return (null, OnRateLimited(call, response.Headers.RetryAfter, attempt, status));
            }
            if (status >= 500)
            {
                return (null, OnServerError(call.Method, response, attempt));
            }
            if (!response.IsSuccessStatusCode)
            {
                var (error, needed) = await ReadErrorAsync(response, deadline.Token);
                throw Failure(call.Method, error ?? $"http_{status}", status, needed);
            }
            var parsed = await ReadAnswerAsync(call.Method, response, answer, deadline.Token);
            if (parsed.Ok)
            {
                if (parsed.Warning is { Length: > 0 } warning)
                {
                    SlackLog.ResponseWarning(logger, call.Method, warning);
                }
                return (parsed, TimeSpan.Zero);
            }
            var code = parsed.Error ?? "unknown_error";
            if (code is "ratelimited" or "rate_limited")
            {
                return (null, OnRateLimited(call, response.Headers.RetryAfter, attempt, status));
            }
            throw Failure(call.Method, code, status, parsed.Needed, parsed.ResponseMetadata?.Messages);
        }
    }

    private int RateLimitedTries => Math.Max(10, _options.MaxAttempts);

    // Waits happen in the pacer for posts (so other jobs' posts in that channel wait too), else here.
    private TimeSpan OnRateLimited(SlackCall call, RetryConditionHeaderValue? header, int attempt, int status)
    {
        var wait = RetryTiming.RetryAfter(header, time.GetUtcNow()) ?? RetryTiming.Backoff(attempt, _options.RetryBaseDelay);
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        SlackLog.RateLimited(logger, call.Method, wait.TotalSeconds, attempt);
        // A 429 is Slack saying "later", not a failure: a storm of them is waited out, up to RateLimitedTries.
        if (attempt >= RateLimitedTries || wait > _options.MaxRateLimitWait)
        {
            throw Failure(call.Method, "ratelimited", status, null);
        }
        if (call.PaceChannel is { } channel)
        {
            pacer.Defer(channel, wait);
            return TimeSpan.Zero;
        }
        return wait;
    }

    private TimeSpan OnServerError(string method, HttpResponseMessage response, int attempt)
    {
        var status = (int)response.StatusCode;
        if (attempt >= _options.MaxAttempts)
        {
            SlackLog.RequestFailed(logger, method, $"http_{status}");
            throw new SlackApiException(method, $"http_{status}", status,
                $"Slack {method} answered {status} {response.ReasonPhrase} {attempt} times in a row; Slack may be having trouble, try again later.");
        }
        var delay = RetryTiming.Next(attempt, _options.RetryBaseDelay, RetryTiming.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()));
        SlackLog.ServerError(logger, method, status, attempt, delay.TotalSeconds);
        return delay;
    }

    private SlackApiException Failure(string method, string error, int status, string? needed, IReadOnlyList<string>? details = null)
    {
        var logged = details is { Count: > 0 } ? $"{error} ({string.Join("; ", details.Take(3))})" : error;
        SlackLog.RequestFailed(logger, method, needed is null ? logged : $"{logged}, needed {needed}");
        return new SlackApiException(method, error, status, SlackApiException.Describe(method, error, needed)) { Needed = needed };
    }

    private static async Task<T> ReadAnswerAsync<T>(string method, HttpResponseMessage response, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, answer, cancellationToken) ?? throw new JsonException("empty answer");
        }
        catch (JsonException ex)
        {
            var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            throw new SlackApiException(method, "invalid_response", (int)response.StatusCode,
                $"Slack {method} sent an answer that is not Slack JSON ({type}); is Slack:ApiBaseUrl right?", ex);
        }
    }

    // Slack's error string when a non-2xx answer carries JSON (404 unknown_method), else its first line of text.
    private static async Task<(string? Error, string? Needed)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBody];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            body = buffer[..length];
        }
        catch (IOException)
        {
            return (null, null);
        }
        try
        {
            var parsed = body.AsSpan().TrimStart(" \r\n\t"u8).StartsWith("{"u8) ? JsonSerializer.Deserialize(body, SlackJsonContext.Default.ApiResponse) : null;
            if (parsed?.Error is { Length: > 0 } error)
            {
                return (error, parsed.Needed);
            }
        }
        catch (JsonException)
        {
            // Not Slack JSON after all: the first line of text below is all there is.
        }
        var text = Encoding.UTF8.GetString(body).Trim();
        var line = text.Split('\n', 2)[0].Trim();
        return (line.Length is > 0 and <= 100 && !line.Contains('<', StringComparison.Ordinal) ? line : null, null);
    }

    private static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    // Refused or unresolvable connections never reached Slack, so even a post can be tried again.
    private static bool NeverSent(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Api;

public sealed partial class SlackApiClient
{
    private const int MaxErrorBody = 16 * 1024;

    // One count of tries with two ceilings: a 429 storm is waited out up to RateLimitedTries, errors stop at MaxAttempts.
    private Task<T> CallAsync<T>(SlackCall call, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
        where T : SlackResponse =>
        _policy.ExecuteAsync(_retryRules, (tries, token) => PacedTryAsync(call, answer, tries, token), cancellationToken);

    private async Task<TryOutcome<T>> PacedTryAsync<T>(SlackCall call, JsonTypeInfo<T> answer, TryCount tries, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        if (call.PaceChannel is not { } channel)
        {
            return await TryOnceAsync(call, answer, tries, cancellationToken);
        }
        await pacer.WaitTurnAsync(channel, cancellationToken);
        try
        {
            return await TryOnceAsync(call, answer, tries, cancellationToken);
        }
        finally
        {
            pacer.Sent(channel);
        }
    }

    // One try: the answer, or how long to wait before the next try; throws when there is to be none.
    private async Task<TryOutcome<T>> TryOnceAsync<T>(SlackCall call, JsonTypeInfo<T> answer, TryCount tries, CancellationToken cancellationToken)
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
            SlackLog.NetworkError(logger, call.Method, tries.Attempt, detail);
            if ((call.ResendOnLostAnswer || NeverSent(ex)) && tries.CanRetry(RetryKind.Error))
            {
                return new TryOutcome<T>(RetryKind.Error, tries.Backoff());
            }
            throw new SlackApiException(call.Method, "request_failed", 0, $"Slack {call.Method} failed: {detail}", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            SlackLog.RequestDone(logger, call.Method, status, time.GetElapsedTime(started).TotalMilliseconds);
            if (status == 429)
            {
                return new TryOutcome<T>(RetryKind.RateLimit, OnRateLimited(call, response.Headers.RetryAfter, tries, status));
            }
            if (status >= 500)
            {
                return new TryOutcome<T>(RetryKind.Error, OnServerError(call.Method, response, tries));
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
                return new TryOutcome<T>(parsed);
            }
            var code = parsed.Error ?? "unknown_error";
            if (code is "ratelimited" or "rate_limited")
            {
                return new TryOutcome<T>(RetryKind.RateLimit, OnRateLimited(call, response.Headers.RetryAfter, tries, status));
            }
            throw Failure(call.Method, code, status, parsed.Needed, parsed.ResponseMetadata?.Messages);
        }
    }

    // A 429 storm is waited out up to this many tries in all (or Slack:MaxAttempts, if that is more).
    private const int RateLimitedTries = 10;

    // Waits happen in the pacer for posts (so other jobs' posts in that channel wait too), else in the policy.
    private TimeSpan OnRateLimited(SlackCall call, RetryConditionHeaderValue? header, TryCount tries, int status)
    {
        var wait = RetryTiming.RetryAfter(header, time.GetUtcNow()) ?? tries.Backoff();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        SlackLog.RateLimited(logger, call.Method, wait.TotalSeconds, tries.RateLimitedAttempt);
        // A 429 is Slack saying "later", not a failure: a storm of them is waited out, up to RateLimitedTries.
        if (!tries.CanRetry(RetryKind.RateLimit) || wait > _options.MaxRateLimitWait)
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

    private TimeSpan OnServerError(string method, HttpResponseMessage response, TryCount tries)
    {
        var status = (int)response.StatusCode;
        if (!tries.CanRetry(RetryKind.Error))
        {
            SlackLog.RequestFailed(logger, method, $"http_{status}");
            throw new SlackApiException(method, $"http_{status}", status,
                $"Slack {method} answered {status} {response.ReasonPhrase} {tries.Attempt} times in a row; Slack may be having trouble, try again later.");
        }
        var delay = tries.Delay(RetryTiming.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()));
        SlackLog.ServerError(logger, method, status, tries.Attempt, delay.TotalSeconds);
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

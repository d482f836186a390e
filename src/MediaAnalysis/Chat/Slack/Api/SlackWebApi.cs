using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using MediaAnalysis.Chat.Slack.Payloads;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Api;

// Slack's Web API calls as SlackApiClient makes them: the bot token as a Bearer header, posts paced per channel,
// 429 and 5xx retried within their budgets, ok:false thrown as a SlackApiException.
internal sealed class SlackWebApi(HttpClient http, SlackOptions options, Uri baseUri, SlackChannelPacer pacer, TimeProvider time, ILogger logger)
{
    private readonly OutboundPolicy _policy = new(time);
    private readonly RetryRules _retryRules = new(options.MaxAttempts, options.RetryBaseDelay)
    {
        MaxRateLimitedAttempts = Math.Max(RateLimitedTries, options.MaxAttempts),
    };

    // One count of tries with two ceilings: a 429 storm is waited out up to RateLimitedTries, errors stop at MaxAttempts.
    public Task<T> CallAsync<T>(SlackCall call, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
        where T : SlackResponse =>
        _policy.ExecuteAsync(_retryRules, (tries, token) => PacedTryAsync(call, answer, tries, token), cancellationToken);

    private async Task<TryOutcome<T>> PacedTryAsync<T>(SlackCall call, JsonTypeInfo<T> answer, TryCount tries, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        if (call.PaceChannel is not { } channel)
        {
            return await TryOnceAsync(call, answer, tries, cancellationToken);
        }
        using var turn = await pacer.WaitTurnAsync(channel, cancellationToken);
        return await TryOnceAsync(call, answer, tries, cancellationToken);
    }

    // One try: the answer, or how long to wait before the next try; throws when there is to be none.
    private async Task<TryOutcome<T>> TryOnceAsync<T>(SlackCall call, JsonTypeInfo<T> answer, TryCount tries, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        using var request = new HttpRequestMessage(call.Verb, new Uri(baseUri, call.Method + call.Query)) { Content = call.Content?.Invoke() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);

        HttpResponseMessage response;
        var started = time.GetTimestamp();
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (Exception ex) when (SlackAnswers.IsNetworkFailure(ex, cancellationToken))
        {
            var detail = ex is OperationCanceledException ? $"no answer within {Format.Span(options.RequestTimeout)}" : ex.Message;
            SlackLog.NetworkError(logger, call.Method, tries.Attempt, detail);
            if ((call.ResendOnLostAnswer || SlackAnswers.NeverSent(ex)) && tries.CanRetry(RetryKind.Error))
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
                var (error, needed) = await SlackAnswers.ReadErrorAsync(response, deadline.Token);
                throw SlackAnswers.Failure(logger, call.Method, error ?? $"http_{status}", status, needed);
            }
            var parsed = await SlackAnswers.ReadAnswerAsync(call.Method, response, answer, deadline.Token);
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
            throw SlackAnswers.Failure(logger, call.Method, code, status, parsed.Needed, parsed.ResponseMetadata?.Messages);
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
        if (!tries.CanRetry(RetryKind.RateLimit) || wait > options.MaxRateLimitWait)
        {
            throw SlackAnswers.Failure(logger, call.Method, "ratelimited", status, null);
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
}

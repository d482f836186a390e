using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Discord.Api;

// One Discord REST request as DiscordApiClient sends it: through the bucket limiter, with the bot token where the
// route takes one, 429s waited out in the limiter, 5xx backed off, every failure a DiscordApiException.
internal sealed class DiscordRest(HttpClient http, DiscordOptions options, DiscordRateLimiter limiter, TimeProvider time, ILogger logger)
{
    private const int MaxErrorBody = 64 * 1024;
    private const int MaxErrorsText = 2000;
    private const int MaxRateLimitedTries = 10;

    // A non-JSON 429/403 is Cloudflare's IP ban page: stop sending bot requests for a while.
    private static readonly TimeSpan CloudflarePause = TimeSpan.FromMinutes(5);

    private readonly Uri _baseUri = new(options.ApiBaseUrl.TrimEnd('/') + "/");
    private readonly OutboundPolicy _policy = new(time);
    private readonly RetryRules _retryRules = new(options.MaxAttempts, options.RetryBaseDelay)
    {
        MaxRateLimitedAttempts = MaxRateLimitedTries,
        CountRateLimitsApart = true,
    };

    // A 429 is Discord saying "later", not a failure: it does not use up a try; its own count is bounded.
    // A body that cannot be sent twice (a stream that cannot rewind) gets one try, 429 or not.
    public Task<T> SendAsync<T>(DiscordRoute route, Func<HttpContent?> content, JsonTypeInfo<T> answer, bool canReplay, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, route.Path);
        return _policy.ExecuteAsync(canReplay ? _retryRules : RetryRules.Once,
            (tries, token) => TryOnceAsync(route, uri, content, answer, tries, token), cancellationToken);
    }

    // One try: the answer, or how long to wait before the next try; throws when there is to be none.
    private async Task<TryOutcome<T>> TryOnceAsync<T>(DiscordRoute route, Uri uri, Func<HttpContent?> content, JsonTypeInfo<T> answer, TryCount tries, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(route, options.MaxRateLimitWait, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        using var request = new HttpRequestMessage(route.Method, uri) { Content = content() };
        request.Headers.TryAddWithoutValidation("User-Agent", DiscordApiClient.UserAgent);
        if (route.UsesBotToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
        }

        HttpResponseMessage response;
        var started = time.GetTimestamp();
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var detail = ex is OperationCanceledException ? $"no answer within {Format.Span(options.RequestTimeout)}" : ex.Message;
            DiscordLog.NetworkError(logger, route.Display, tries.Attempt, detail);
            // A request that may have arrived is resent only where a resend cannot duplicate anything.
            if (!route.SafeToResend || !tries.CanRetry(RetryKind.Error))
            {
                throw new DiscordApiException(0, null, null, $"Discord {route.Display} failed: {detail}", ex);
            }
            return new TryOutcome<T>(RetryKind.Error, tries.Backoff());
        }

        using (response)
        {
            limiter.Observe(route, lease, response.Headers);
            var status = (int)response.StatusCode;
            DiscordLog.RequestDone(logger, route.Display, status, time.GetElapsedTime(started).TotalMilliseconds);
            if (response.IsSuccessStatusCode)
            {
                return new TryOutcome<T>(await ReadAnswerAsync(response, answer, route, deadline.Token));
            }
            var (isJson, body) = await ReadErrorBodyAsync(response, deadline.Token);
            if (status == 429)
            {
                OnRateLimited(route, lease, response, isJson, body, tries);
                // The wait happens in the limiter on the next try, where the bucket (or the global pause) now says how long.
                return new TryOutcome<T>(RetryKind.RateLimit, TimeSpan.Zero);
            }
            if (status >= 500 && tries.CanRetry(RetryKind.Error))
            {
                var delay = tries.Delay(RetryTiming.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()));
                DiscordLog.ServerError(logger, route.Display, status, tries.Attempt, delay.TotalSeconds);
                return new TryOutcome<T>(RetryKind.Error, delay);
            }
            throw Failure(route, status, isJson, body);
        }
    }

    // Closes the bucket (and the bot's routes, for a global limit) for Retry-After; throws when no try is to follow.
    private void OnRateLimited(DiscordRoute route, RateLimitLease lease, HttpResponseMessage response, bool isJson, byte[] body, TryCount tries)
    {
        if (!isJson)
        {
            DiscordLog.CloudflareBlock(logger, route.Display, 429);
            limiter.Exhaust(lease, CloudflarePause, global: true);
            limiter.Exhaust(lease, CloudflarePause, global: false);
            throw new DiscordApiException(429, null, null, $"Discord {route.Display} refused the request: this IP is blocked for too many invalid requests");
        }
        var limit = TryParse(body, DiscordJsonContext.Default.RateLimitBody);
        var headers = response.Headers;
        var retryAfter = (limit?.RetryAfter is { } seconds && double.IsFinite(seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null)
            ?? RetryTiming.RetryAfter(headers.RetryAfter, time.GetUtcNow())
            ?? DiscordRateLimiter.Seconds(DiscordRateLimiter.Header(headers, "X-RateLimit-Reset-After"))
            ?? TimeSpan.FromSeconds(1);
        var global = limit?.Global == true
            || string.Equals(DiscordRateLimiter.Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        var scope = DiscordRateLimiter.Header(headers, "X-RateLimit-Scope");
        var attempt = tries.RateLimitedAttempt;
        DiscordLog.RateLimited(logger, route.Display, DiscordRateLimiter.Header(headers, "X-RateLimit-Bucket"), scope, global, retryAfter.TotalSeconds, attempt);

        limiter.Exhaust(lease, retryAfter, global: false);
        if (global)
        {
            limiter.Exhaust(lease, retryAfter, global: true);
        }
        if (!tries.CanRetry(RetryKind.RateLimit) || retryAfter > options.MaxRateLimitWait)
        {
            throw new DiscordApiException(429, limit?.Code, limit?.Message, string.Create(CultureInfo.InvariantCulture,
                $"Discord {route.Display} is rate limited (retry after {retryAfter.TotalSeconds:0.#} s, try {attempt} of {tries.Rules.MaxRateLimitedAttempts})"));
        }
    }

    private DiscordApiException Failure(DiscordRoute route, int status, bool isJson, byte[] body)
    {
        if (!isJson && status is 403 or 429)
        {
            DiscordLog.CloudflareBlock(logger, route.Display, status);
        }
        var error = isJson ? TryParse(body, DiscordJsonContext.Default.ApiError) : null;
        DiscordLog.RequestFailed(logger, route.Display, status, error?.Code, error?.Message);
        var errors = error?.Errors is { ValueKind: JsonValueKind.Object } e ? e.GetRawText() : null;
        var text = error is null
            ? $"Discord {route.Display} answered {status}"
            : $"Discord {route.Display} answered {status} ({error.Code}: {error.Message})";
        return new DiscordApiException(status, error?.Code, error?.Message, text)
        {
            Errors = errors is { Length: > MaxErrorsText } ? errors[..MaxErrorsText] : errors,
        };
    }

    private static async Task<T> ReadAnswerAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> answer, DiscordRoute route, CancellationToken cancellationToken)
    {
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return default!; // 204: nothing to read (thread-members)
        }
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, answer, cancellationToken)
                ?? throw new JsonException("empty answer");
        }
        catch (JsonException ex)
        {
            throw new DiscordApiException((int)response.StatusCode, null, null, $"Discord {route.Display} sent an unreadable answer", ex);
        }
    }

    private static async Task<(bool IsJson, byte[] Body)> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBody];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var body = buffer[..length];
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var isJson = mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
                || (mediaType is null && body.AsSpan().TrimStart(" \r\n\t"u8).StartsWith("{"u8));
            return (isJson, body);
        }
        catch (IOException)
        {
            return (false, []);
        }
    }

    private static T? TryParse<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

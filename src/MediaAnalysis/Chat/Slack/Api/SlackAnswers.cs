using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack.Api;

// What Slack answered, read within bounds: a Web API answer, the error of a non-2xx answer, the refusal inside a
// 2xx one; and which failures are the network's (and whether the request never left).
internal static class SlackAnswers
{
    private const int MaxErrorBody = 16 * 1024;

    public static SlackApiException Failure(ILogger logger, string method, string error, int status, string? needed, IReadOnlyList<string>? details = null)
    {
        var logged = details is { Count: > 0 } ? $"{error} ({string.Join("; ", details.Take(3))})" : error;
        SlackLog.RequestFailed(logger, method, needed is null ? logged : $"{logged}, needed {needed}");
        return new SlackApiException(method, error, status, SlackApiException.Describe(method, error, needed)) { Needed = needed };
    }

    public static async Task<T> ReadAnswerAsync<T>(string method, HttpResponseMessage response, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
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
    public static async Task<(string? Error, string? Needed)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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

    public static bool IsNetworkFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    // Refused or unresolvable connections never reached Slack, so even a post can be tried again.
    public static bool NeverSent(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    // A 2xx answer is a success unless it is Slack JSON with ok:false (upload URLs answer "OK - 1234" as text).
    public static async Task<string?> ReadRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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
}

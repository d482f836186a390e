using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MediaAnalysis.Http;
using MediaAnalysis.Jobs;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Pipeline.Transcription;

// POST /v1/listen with the audio file as the body: a FileStream, so the request carries
// Content-Length (length-less uploads have come back truncated) and every retry replays it from disk.
public sealed class DeepgramClient(HttpClient http, IOptions<DeepgramOptions> options, TimeProvider time, ILogger<DeepgramClient> logger)
{
    private const int MaxErrorBody = 4096;

    private readonly DeepgramOptions _options = options.Value;
    private readonly OutboundPolicy _policy = new(time);
    private readonly RetryRules _retryRules = new(options.Value.MaxAttempts, options.Value.RetryBaseDelay);

    // Retried: 408, 422, 425, 429 and 5xx, timeouts, lost connections and unreadable answers; Retry-After honoured.
    // `language`: the request's choice (a BCP-47 code); null falls back to Deepgram:Language, then to detection.
    public Task<Transcript> TranscribeAsync(string audioPath, string contentType, TimeSpan expectedDuration, string? language, CancellationToken cancellationToken) =>
        TranscribeAsync(audioPath, contentType, expectedDuration, language, [], cancellationToken);

    // `keyTerms`: a server's glossary, sent as `keyterm` (nova-3) or `keywords` (older models).
    public Task<Transcript> TranscribeAsync(
        string audioPath, string contentType, TimeSpan expectedDuration, string? language, IReadOnlyList<string> keyTerms, CancellationToken cancellationToken)
    {
        var chosen = string.IsNullOrWhiteSpace(language) || language == SpeechLanguages.Detect
            ? (string.IsNullOrWhiteSpace(_options.Language) ? null : _options.Language)
            : language;
        var uri = ListenUri(_options, chosen, keyTerms);
        return _policy.ExecuteAsync(_retryRules, (tries, token) => TryOnceAsync(uri, audioPath, contentType, expectedDuration, chosen, tries, token), cancellationToken);
    }

    public Task<Transcript> TranscribeAsync(string audioPath, string contentType, TimeSpan expectedDuration, CancellationToken cancellationToken) =>
        TranscribeAsync(audioPath, contentType, expectedDuration, null, cancellationToken);

    private async Task<TryOutcome<Transcript>> TryOnceAsync(
        Uri uri, string audioPath, string contentType, TimeSpan expectedDuration, string? chosen, TryCount tries, CancellationToken cancellationToken)
    {
        var attempt = tries.Attempt;
        TimeSpan? retryAfter = null;
        string problem;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            await using var audio = new FileStream(audioPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", _options.ApiKey);
            request.Content = new StreamContent(audio, 64 * 1024);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            request.Content.Headers.ContentLength = audio.Length;

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
                var parsed = await DeepgramResponseReader.ReadAsync(body, deadline.Token);
                return new TryOutcome<Transcript>(ToTranscript(parsed, expectedDuration, chosen));
            }

            var status = (int)response.StatusCode;
            var error = await ReadErrorAsync(response, deadline.Token);
            PipelineLog.DeepgramError(logger, status, error?.ErrCode ?? error?.Category, error?.RequestId, attempt);
            problem = $"Deepgram {status}";
            if (!RetryTiming.IsTransient(status) && status != 422)
            {
                throw new AnalysisFailedException(FailureKind.TranscriptionFailed, Explain(status, error));
            }
            retryAfter = RetryTiming.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            PipelineLog.DeepgramTimeout(logger, _options.Timeout.TotalSeconds, attempt);
            problem = $"no answer from Deepgram within {Format.Span(_options.Timeout)}";
        }
        catch (HttpRequestException ex)
        {
            PipelineLog.DeepgramNetwork(logger, ex.Message, attempt);
            problem = "Deepgram could not be reached";
        }
        catch (JsonException ex)
        {
            PipelineLog.DeepgramNetwork(logger, ex.Message, attempt);
            problem = "Deepgram sent an unreadable answer";
        }
        catch (IOException ex)
        {
            PipelineLog.DeepgramNetwork(logger, ex.Message, attempt);
            problem = "the connection to Deepgram broke";
        }

        if (!tries.CanRetry(RetryKind.Error))
        {
            throw new AnalysisFailedException(FailureKind.TranscriptionFailed,
                $"Transcription failed after {attempt} {(attempt == 1 ? "try" : "tries")} ({problem}). Try again later.");
        }
        return new TryOutcome<Transcript>(RetryKind.Error, tries.Delay(retryAfter));
    }

    // Speakers and paragraphs always; the language as chosen, or detected.
    // Key terms: nova-3 takes `keyterm` (repeated, one term or phrase each); nova-2 and older take `keywords`.
    internal static Uri ListenUri(DeepgramOptions options, string? language, IReadOnlyList<string>? keyTerms = null)
    {
        var termParameter = options.Model.StartsWith("nova-3", StringComparison.OrdinalIgnoreCase) ? "keyterm" : "keywords";
        var query = $"v1/listen?model={Uri.EscapeDataString(options.Model)}&smart_format=true&paragraphs=true&diarize=true"
            + (language is null ? "&detect_language=true" : $"&language={Uri.EscapeDataString(language)}")
            + string.Concat((keyTerms ?? []).Select(t => $"&{termParameter}={Uri.EscapeDataString(t)}"));
        var baseUrl = options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
        return new Uri(new Uri(baseUrl), query);
    }

    private Transcript ToTranscript(DeepgramResponseReader response, TimeSpan expectedDuration, string? chosen)
    {
        if (response.Duration is not { } duration || !response.SawAlternative)
        {
            throw new AnalysisFailedException(FailureKind.TranscriptionFailed, "Deepgram answered without a transcript. Try again later.");
        }
        // Deepgram bills and transcribes what it received; a much shorter duration means a cut upload.
        if (expectedDuration > TimeSpan.FromSeconds(10) && duration < expectedDuration.TotalSeconds * 0.9)
        {
            PipelineLog.DeepgramShort(logger, duration, expectedDuration.TotalSeconds, response.RequestId);
        }
        var text = response.Transcript?.Trim() ?? "";
        var paragraphs = response.Paragraphs;
        if (paragraphs.Count == 0 && text.Length > 0)
        {
            // No paragraphs (a language smart_format does not cut): one block for the whole speech.
            paragraphs = [new TranscriptParagraph(0, duration, null, text)];
        }
        return new Transcript(text, duration, chosen ?? response.DetectedLanguage, response.RequestId)
        {
            Paragraphs = paragraphs,
            LanguageChosen = chosen is not null,
        };
    }

    private static async Task<DeepgramError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBody];
            var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), DeepgramJsonContext.Default.DeepgramError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Explain(int status, DeepgramError? error)
    {
        var detail = error?.ErrMsg ?? error?.Message;
        return status switch
        {
            400 => "Deepgram could not process the audio (400"
                + (string.IsNullOrWhiteSpace(detail) ? ")." : $": {detail})."),
            401 => "Deepgram refused the API key (401): the operator should check Deepgram:ApiKey.",
            402 => "Deepgram says the account is out of credits (402): the operator should add credits.",
            403 => "Deepgram says this key may not use the configured model (403): check Deepgram:Model.",
            413 => "The audio is too large for Deepgram (413).",
            _ => string.Create(CultureInfo.InvariantCulture, $"Transcription failed: Deepgram answered {status}")
                + (string.IsNullOrWhiteSpace(detail) ? "." : $" ({detail})."),
        };
    }
}

namespace MediaAnalysis.Fakes;

// A /v1/listen 200 body written without the HTTP fake, for parser tests and the parse bench: the same writer,
// so the same shape (words with speakers, paragraphs with sentences and speakers, detected_language).
public static class DeepgramResponses
{
    // `speakers`: 0 = not diarized; otherwise paragraphs take turns among that many voices.
    public static Task WriteAsync(Stream body, double seconds, string text, int speakers, string? detectedLanguage, CancellationToken ct) =>
        DeepgramResponseWriter.WriteAsync(body, new DeepgramAnswer(Guid.NewGuid().ToString(), new string('0', 64), DateTimeOffset.UtcNow,
            seconds, "nova-3", detectedLanguage, TranscriptLayout.Build(text, seconds, speakers)), ct);

    // Speech-like text for a duration, ~150 words a minute, in English or (for "de") German.
    public static string SpeechFor(double seconds, string language = "en") => SpokenText.In(language)(seconds);
}

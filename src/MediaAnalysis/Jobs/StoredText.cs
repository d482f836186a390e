using System.Security.Cryptography;
using System.Text;

namespace MediaAnalysis.Jobs;

// The job store's text columns have lengths (VARCHAR(n) in Storage/JobSchema): PostgreSQL refuses a longer value,
// SQLite keeps it whole. Both stores fit what they write here first, so a long value is stored, read back and
// matched the same way on both, and never fails a write.
public static class StoredText
{
    // jobs.platform.
    public const int PlatformLength = 20;

    // jobs.tenant, channel, requester_id.
    public const int IdLength = 100;

    // jobs.idempotency_key, video_key.
    public const int KeyLength = 300;

    // jobs.requester_name, source_name, cancel_requested_by; answers.served_by, model.
    public const int NameLength = 200;

    // answers.prompt.
    public const int PromptLength = 100;

    // jobs.language, requested_language.
    public const int LanguageLength = 20;

    private const int HashChars = 16;

    // Names shown to people (requester, file, who cancelled, provider): cut with an ellipsis at the limit, never
    // inside a surrogate pair.
    public static string Clip(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= max)
        {
            return value;
        }
        var cut = max - 1;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }
        return string.Concat(value.AsSpan(0, cut), "…");
    }

    public static string? ClipOrNull(string? value, int max) => value is null ? null : Clip(value, max);

    // Identities (keys, ids, model and prompt names): kept as they are when they fit; past the limit, their start
    // and a hash of the whole value, so two long values that share a start stay two, and the same one always
    // fits to the same text (a look-up fits its key the same way).
    public static string Fit(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= max)
        {
            return value;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..HashChars];
        var keep = max - HashChars - 1;
        if (char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }
        return string.Concat(value.AsSpan(0, keep), "#", hash);
    }

    // A request as the store keeps it. A language code longer than any real one is dropped: the language is detected.
    public static AnalyzeRequest Fit(AnalyzeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            Platform = Fit(request.Platform, PlatformLength),
            Tenant = Fit(request.Tenant, IdLength),
            Channel = Fit(request.Channel, IdLength),
            RequesterId = Fit(request.RequesterId, IdLength),
            RequesterName = Clip(request.RequesterName, NameLength),
            IdempotencyKey = Fit(request.IdempotencyKey, KeyLength),
            VideoKey = Fit(request.VideoKey, KeyLength),
            SourceName = Clip(request.SourceName, NameLength),
            Language = request.Language is { Length: > LanguageLength } ? null : request.Language,
        };
    }
}

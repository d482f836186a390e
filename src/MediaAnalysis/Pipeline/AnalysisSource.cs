using System.Net.Http.Headers;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline;

// Where the video comes from: a local file (CLI) or an http(s) URL on an allowed host.
public sealed record AnalysisSource
{
    private AnalysisSource(string? localPath, Uri? url, string displayName)
    {
        LocalPath = localPath;
        Url = url;
        DisplayName = displayName;
    }

    public string? LocalPath { get; }

    public Uri? Url { get; }

    public string DisplayName { get; }

    // Credentials per origin (scheme, host, port) for platforms whose files need a token; sent nowhere else.
    public IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? Authorization { get; init; }

    // The language the person chose (a BCP-47 code), or null to use Deepgram:Language, then detection.
    public string? Language { get; init; }

    // Asked once the media is probed, before anything is spent on it (extraction, transcription): throws
    // AnalysisFailedException to stop the job there (a job whose estimate does not fit its server's budget).
    public Func<MediaInfo, CancellationToken, Task>? BeforeSpending { get; init; }

    // Names and jargon Deepgram is told to expect (a server's glossary).
    public IReadOnlyList<string> KeyTerms { get; init; } = [];

    // A server's own longest video, below Media:MaxDurationMinutes; null: the operator's.
    public int? MaxMinutes { get; init; }

    public static AnalysisSource FromFile(string path) =>
        new(Path.GetFullPath(path), null, FileNames.Sanitize(Path.GetFileName(path)));

    public static AnalysisSource FromUrl(Uri url, string? displayName = null) =>
        new(null, url, FileNames.Sanitize(displayName ?? FileNames.FromUrl(url)));

    // "http://…" and "https://…" are URLs; anything else is a path.
    public static AnalysisSource Parse(string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? FromUrl(uri)
            : FromFile(pathOrUrl);
}

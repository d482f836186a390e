namespace MediaAnalysis.Pipeline.Download;

// The hosts a video may come from. An entry is "host" (the scheme's default port only) or "host:port"; a suffix
// rule "*.example.com" (or "*.example.com:port") takes every host under example.com, not example.com itself.
public sealed class HostAllowList
{
    private const string SuffixPrefix = "*.";

    private readonly HashSet<string> _entries;
    private readonly List<(string Suffix, int? Port)> _suffixes = [];
    private readonly bool _allowHttp;

    public HostAllowList(IEnumerable<string> entries, bool allowHttp)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _allowHttp = allowHttp;
        _entries = entries.Select(e => e.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in _entries.Where(e => e.StartsWith(SuffixPrefix, StringComparison.Ordinal)))
        {
            var rest = entry[1..]; // ".example.com[:port]"
            var colon = rest.LastIndexOf(':');
            _suffixes.Add(colon > 0 && int.TryParse(rest[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port)
                ? (rest[..colon], port)
                : (rest, null));
        }
    }

    public static bool IsValidEntry(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }
        var trimmed = entry.Trim();
        var suffix = trimmed.StartsWith(SuffixPrefix, StringComparison.Ordinal);
        if (suffix)
        {
            trimmed = trimmed[SuffixPrefix.Length..];
            // A suffix needs a dot of its own: "*.com" would take a whole top-level domain.
            if (!trimmed.Split(':')[0].Contains('.', StringComparison.Ordinal))
            {
                return false;
            }
        }
        return Uri.TryCreate($"https://{trimmed}/", UriKind.Absolute, out var uri)
            && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.UserInfo)
            && (!suffix || uri.HostNameType == UriHostNameType.Dns);
    }

    // Null when allowed, else the reason in words a person understands.
    public string? Refusal(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "only http(s) links can be analyzed";
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !_allowHttp)
        {
            return "plain http links are not allowed (https only)";
        }
        var host = uri.IdnHost.ToLowerInvariant();
        var allowed = uri.IsDefaultPort
            ? _entries.Contains(host) || _entries.Contains($"{host}:{uri.Port}")
            : _entries.Contains($"{host}:{uri.Port}");
        allowed = allowed || _suffixes.Any(s => IsUnder(host, s.Suffix) && (s.Port is { } port ? port == uri.Port : uri.IsDefaultPort));
        return allowed ? null : $"videos are only fetched from {string.Join(", ", _entries.Order(StringComparer.Ordinal))}, not from {uri.Authority}";
    }

    // "a.example.com" is under ".example.com"; "example.com" and "badexample.com" are not.
    private static bool IsUnder(string host, string dottedSuffix) =>
        host.Length > dottedSuffix.Length && host.EndsWith(dottedSuffix, StringComparison.Ordinal);
}

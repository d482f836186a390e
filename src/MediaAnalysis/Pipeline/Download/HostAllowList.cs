namespace MediaAnalysis.Pipeline.Download;

// The hosts a video may come from. An entry is "host" (the scheme's default port only) or "host:port".
public sealed class HostAllowList(IEnumerable<string> entries, bool allowHttp)
{
    private readonly HashSet<string> _entries = entries.Select(e => e.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public static bool IsValidEntry(string entry) =>
        !string.IsNullOrWhiteSpace(entry)
        && Uri.TryCreate($"https://{entry.Trim()}/", UriKind.Absolute, out var uri)
        && uri.AbsolutePath == "/"
        && string.IsNullOrEmpty(uri.UserInfo);

    // Null when allowed, else the reason in words a person understands.
    public string? Refusal(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "only http(s) links can be analyzed";
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            return "plain http links are not allowed (https only)";
        }
        var host = uri.IdnHost.ToLowerInvariant();
        var allowed = uri.IsDefaultPort
            ? _entries.Contains(host) || _entries.Contains($"{host}:{uri.Port}")
            : _entries.Contains($"{host}:{uri.Port}");
        return allowed ? null : $"videos are only fetched from {string.Join(", ", _entries.Order(StringComparer.Ordinal))}, not from {uri.Authority}";
    }
}

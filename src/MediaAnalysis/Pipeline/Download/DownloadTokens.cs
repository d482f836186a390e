using System.Net.Http.Headers;

namespace MediaAnalysis.Pipeline.Download;

// Which hop of a download carries a platform's token. A token keyed by an origin (scheme, host, port) goes to that
// host and to the hosts under it ("https://slack.com" covers files.slack.com and files-origin.slack.com), over the
// same scheme and port; never to any other host a redirect leads to (slack-edge.com, a CDN, anything else).
public static class DownloadTokens
{
    public static AuthenticationHeaderValue? For(Uri url, IReadOnlyDictionary<Uri, AuthenticationHeaderValue>? tokens)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (tokens is null)
        {
            return null;
        }
        foreach (var (origin, value) in tokens)
        {
            if (Covers(origin, url))
            {
                return value;
            }
        }
        return null;
    }

    public static bool Covers(Uri origin, Uri url)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(url);
        if (!string.Equals(origin.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase) || origin.Port != url.Port)
        {
            return false;
        }
        var host = url.IdnHost.ToLowerInvariant();
        var owner = origin.IdnHost.ToLowerInvariant();
        return host == owner || (origin.HostNameType == UriHostNameType.Dns && host.EndsWith("." + owner, StringComparison.Ordinal));
    }
}

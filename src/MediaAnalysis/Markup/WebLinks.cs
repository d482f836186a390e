namespace MediaAnalysis.Markup;

// Which link targets a surface may make clickable: absolute http(s) only (and mailto where a chat app shows it).
public static class WebLinks
{
    public static bool IsWeb(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && url!.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);

    public static bool IsWebOrMail(string? url) =>
        IsWeb(url) || (url is not null && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && url.Length > 7 && !url.Any(char.IsControl));
}

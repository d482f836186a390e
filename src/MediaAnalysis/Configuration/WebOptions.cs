namespace MediaAnalysis.Configuration;

// Web:PublicBaseUrl turns results pages on: each job gets a private link under it (GET /r/{token}).
public sealed class WebOptions : IValidatedOptions
{
    public const string SectionName = "Web";

    // "https://APP.fly.dev"; plain http is accepted (with a warning at start) for local use. Empty: no pages.
    public string? PublicBaseUrl { get; set; }

    public bool PagesEnabled => BaseUri is not null;

    public bool IsPlainHttp => BaseUri?.Scheme == Uri.UriSchemeHttp;

    private Uri? BaseUri =>
        Uri.TryCreate(PublicBaseUrl?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    public string? PageUrl(string token) => BaseUri is { } b ? $"{b.GetLeftPart(UriPartial.Path).TrimEnd('/')}/r/{token}" : null;

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && BaseUri is null)
        {
            yield return $"{SectionName}:PublicBaseUrl must be an absolute http(s) URL such as https://APP.fly.dev, got '{PublicBaseUrl}'";
        }
        else if (BaseUri is { } uri && (uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            yield return $"{SectionName}:PublicBaseUrl must have no query or fragment, got '{PublicBaseUrl}'";
        }
    }
}

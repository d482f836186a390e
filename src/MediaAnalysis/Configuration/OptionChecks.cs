namespace MediaAnalysis.Configuration;

// Small shared checks so every options class words its problems the same way.
public static class OptionChecks
{
    public static string? Required(string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"{key} is required (environment variable {EnvName(key)})" : null;

    public static string? AbsoluteHttpUrl(string key, string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"{key} must be an absolute http(s) URL, got '{value}'";

    public static string? Positive(string key, TimeSpan value) =>
        value > TimeSpan.Zero ? null : $"{key} must be a positive time span such as 00:05:00, got '{value}'";

    public static string? InRange(string key, long value, long min, long max) =>
        value >= min && value <= max ? null : $"{key} must be between {min} and {max}, got {value}";

    public static string EnvName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}

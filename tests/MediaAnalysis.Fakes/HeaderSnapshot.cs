namespace MediaAnalysis.Fakes;

internal static class HeaderSnapshot
{
    // Case-insensitive like HTTP itself, so tests can write "Content-Type" whatever the wire casing.
    public static IReadOnlyDictionary<string, string> Of(IHeaderDictionary headers)
    {
        var copy = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            copy[name] = values.ToString();
        }
        return copy;
    }

    public static IReadOnlyDictionary<string, string> Of(IQueryCollection query)
    {
        var copy = new Dictionary<string, string>(query.Count, StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            copy[name] = values.ToString();
        }
        return copy;
    }
}

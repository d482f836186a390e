namespace MediaAnalysis.Fakes;

public sealed record FileHostRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt);

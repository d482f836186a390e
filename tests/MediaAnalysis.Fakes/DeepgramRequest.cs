namespace MediaAnalysis.Fakes;

// Logged once the body is on disk; StatusCode and CompletedAt stay null until an answer goes out
// (so a hung or abandoned request keeps them null).
public sealed record DeepgramRequest(
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    long BodyLength,
    string? BodyFile,
    DateTimeOffset ReceivedAt)
{
    public int? StatusCode { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    // False when the client went away before sending the whole body.
    public bool BodyComplete { get; init; } = true;

    // Every `keyterm` (nova-3) and `keywords` (older models) value, in order: the terms Deepgram was told to expect.
    public IReadOnlyList<string> KeyTerms { get; init; } = [];

    // Which of the two the terms came as ("keyterm", "keywords"), or null without any.
    public string? KeyTermParameter { get; init; }
}

namespace MediaAnalysis.Fakes;

// One POST /api/v1/chat/completions. Body and Messages are empty when FakeOpenRouter.KeepBodies is
// false; StatusCode and CompletedAt stay null until an answer goes out.
public sealed record ChatRequest(
    string Model,
#pragma warning disable CA1819 // The raw bytes as received are the point: tests check the wire encoding.
    byte[] Body,
#pragma warning restore CA1819
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<(string Role, string Content)> Messages)
{
    public long BodyLength { get; init; }

    // Set when the request asked for response_format json_schema: the schema's name and raw JSON.
    public string? SchemaName { get; init; }

    public string? Schema { get; init; }

    public int? StatusCode { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}

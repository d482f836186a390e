using System.Text.Json;

namespace MediaAnalysis.Fakes.Discord;

// One request as the fake received it: Path is relative to /api/v10 (e.g. "/channels/1/messages").
// Payload is the JSON body, or the payload_json part of a multipart body.
public sealed record FakeDiscordRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string? Body,
    IReadOnlyList<FakeDiscordPart> Parts,
    JsonElement? Payload,
    DateTimeOffset ReceivedAt)
{
    public int Status { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

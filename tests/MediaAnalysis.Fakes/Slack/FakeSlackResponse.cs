using System.Text.Json;

namespace MediaAnalysis.Fakes.Slack;

// A message POSTed to one of the fake's response_url addresses.
public sealed record FakeSlackResponse(string UrlId, string? Text, string? ResponseType, bool? ReplaceOriginal, JsonElement? Blocks)
{
    public bool IsEphemeral => ResponseType is null or "ephemeral";
}

using System.Text.Json;

namespace MediaAnalysis.Fakes.Slack;

// A modal the bot opened with views.open.
public sealed record FakeSlackView(string TriggerId, JsonElement View);

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack;

[JsonSerializable(typeof(SlackJobState))]
internal sealed partial class SlackStateJsonContext : JsonSerializerContext;

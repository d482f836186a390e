using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack;

[JsonSerializable(typeof(SlackChallenge))]
[JsonSerializable(typeof(SlackCommandReply))]
internal sealed partial class SlackEndpointJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Slack.Inbound;

[JsonSerializable(typeof(SlackChallenge))]
[JsonSerializable(typeof(SlackCommandReply))]
[JsonSerializable(typeof(SlackViewErrors))]
internal sealed partial class SlackEndpointJsonContext : JsonSerializerContext;

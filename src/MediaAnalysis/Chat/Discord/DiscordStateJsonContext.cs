using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord;

[JsonSerializable(typeof(DiscordJobState))]
[JsonSerializable(typeof(DiscordQuestionState))]
internal sealed partial class DiscordStateJsonContext : JsonSerializerContext;

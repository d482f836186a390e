using System.Text.Json.Serialization;

namespace MediaAnalysis.Chat.Discord;

[JsonSerializable(typeof(DiscordJobState))]
internal sealed partial class DiscordStateJsonContext : JsonSerializerContext;

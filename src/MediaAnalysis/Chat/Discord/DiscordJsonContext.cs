using System.Text.Json.Serialization;
using MediaAnalysis.Chat.Discord.Payloads;

namespace MediaAnalysis.Chat.Discord;

// Names come from [JsonPropertyName] on each payload (snake_case, as Discord spells them).
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(ModalResponse))]
[JsonSerializable(typeof(AutocompleteResponse))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(ThreadCreateBody))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using MediaAnalysis.Chat.Slack.Payloads;

namespace MediaAnalysis.Chat.Slack;

// Names come from [JsonPropertyName] on each payload (snake_case, as Slack spells them).
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(ChatBody))]
[JsonSerializable(typeof(ChatResponse))]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(ResponseUrlBody))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(CompleteUploadBody))]
[JsonSerializable(typeof(CompleteUploadResponse))]
[JsonSerializable(typeof(FileInfoResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(MembersResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
[JsonSerializable(typeof(PermalinkResponse))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
public sealed partial class SlackJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace MediaAnalysis.Pipeline.Transcription;

internal sealed record DeepgramError(
    [property: JsonPropertyName("err_code")] string? ErrCode,
    [property: JsonPropertyName("err_msg")] string? ErrMsg,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("request_id")] string? RequestId);

[JsonSerializable(typeof(DeepgramError))]
internal sealed partial class DeepgramJsonContext : JsonSerializerContext;

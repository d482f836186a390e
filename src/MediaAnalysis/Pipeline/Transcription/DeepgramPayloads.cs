using System.Text.Json.Serialization;

namespace MediaAnalysis.Pipeline.Transcription;

// Only the fields we keep: the deserializer skips words[] and paragraphs without materializing them,
// so an hour of speech costs one transcript string, not the ~1 MB of per-word JSON around it.
internal sealed record DeepgramResponse(
    [property: JsonPropertyName("metadata")] DeepgramMetadata? Metadata,
    [property: JsonPropertyName("results")] DeepgramResults? Results);

internal sealed record DeepgramMetadata(
    [property: JsonPropertyName("request_id")] string? RequestId,
    [property: JsonPropertyName("duration")] double Duration);

internal sealed record DeepgramResults(
    [property: JsonPropertyName("channels")] IReadOnlyList<DeepgramChannel>? Channels);

internal sealed record DeepgramChannel(
    [property: JsonPropertyName("alternatives")] IReadOnlyList<DeepgramAlternative>? Alternatives,
    [property: JsonPropertyName("detected_language")] string? DetectedLanguage);

internal sealed record DeepgramAlternative(
    [property: JsonPropertyName("transcript")] string? Transcript);

internal sealed record DeepgramError(
    [property: JsonPropertyName("err_code")] string? ErrCode,
    [property: JsonPropertyName("err_msg")] string? ErrMsg,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("request_id")] string? RequestId);

[JsonSerializable(typeof(DeepgramResponse))]
[JsonSerializable(typeof(DeepgramError))]
internal sealed partial class DeepgramJsonContext : JsonSerializerContext;

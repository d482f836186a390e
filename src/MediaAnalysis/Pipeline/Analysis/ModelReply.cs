namespace MediaAnalysis.Pipeline.Analysis;

// One HTTP answer from an OpenAI-compatible endpoint, read by hand: OpenRouter reports failures
// inside HTTP 200 (finish_reason "error", a top-level error, empty choices), which the SDK's own
// model types cannot represent.
public sealed record ModelReply(
    string? Content,
    string? ServedModel,
    string? Provider,
    int? PromptTokens,
    int? CompletionTokens,
    decimal? Cost,
    string? Error,
    int? ErrorCode)
{
    public bool Ok => Error is null && !string.IsNullOrWhiteSpace(Content);
}

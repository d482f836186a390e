namespace MediaAnalysis.Fakes;

internal sealed record DeepgramAnswer(
    string RequestId,
    string Sha256,
    DateTimeOffset Created,
    double Duration,
    string Model,
    string? DetectedLanguage,
    TranscriptLayout Layout);

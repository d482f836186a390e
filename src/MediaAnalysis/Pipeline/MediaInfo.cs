namespace MediaAnalysis.Pipeline;

// What the person's file turned out to be, for progress and the result.
public sealed record MediaInfo(string SourceName, long SizeBytes, TimeSpan Duration, string AudioCodec, bool HasVideo);

namespace MediaAnalysis.Pipeline.Audio;

public sealed record ExtractedAudio(string Path, string ContentType, long SizeBytes, TimeSpan Duration, bool Copied);

namespace MediaAnalysis.Pipeline.Download;

public sealed record DownloadedFile(string Path, long SizeBytes, string? FileName);

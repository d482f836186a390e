namespace MediaAnalysis.Diagnostics;

public sealed record HealthReport(string Status, int Running, int Queued, string? Reason);

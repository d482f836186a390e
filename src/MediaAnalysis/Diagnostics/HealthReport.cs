namespace MediaAnalysis.Diagnostics;

public sealed record HealthReport(string Status);

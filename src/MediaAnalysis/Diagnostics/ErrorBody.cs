namespace MediaAnalysis.Diagnostics;

public sealed record ErrorBody(string Error);

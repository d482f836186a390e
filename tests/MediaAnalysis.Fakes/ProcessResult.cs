namespace MediaAnalysis.Fakes;

internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

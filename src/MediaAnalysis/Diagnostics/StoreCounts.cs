namespace MediaAnalysis.Diagnostics;

// Jobs running and waiting, as last read from the store; `At` is a TimeProvider timestamp.
public sealed record StoreCounts(int Running, int Queued, long At);

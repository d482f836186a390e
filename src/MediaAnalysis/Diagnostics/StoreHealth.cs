namespace MediaAnalysis.Diagnostics;

// One write check of the job store and the counts read with it; `At` is a TimeProvider timestamp.
public sealed record StoreHealth(bool CanWrite, int Running, int Queued, long At);

namespace MediaAnalysis.Jobs;

// A point the answers differ on, with each named model's position (at least two).
public sealed record VerdictDisagreement(string Topic, IReadOnlyList<VerdictClaim> Positions);

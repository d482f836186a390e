namespace MediaAnalysis.Jobs;

// One model's point in a panel verdict: what it said that another did not, or its side of a disagreement.
public sealed record VerdictClaim(string Model, string Text);

namespace MediaAnalysis.Jobs;

// One model call as the status message shows it: waiting, done in N s, or failed with a reason.
public sealed record CallMark(string Prompt, string Model, CallState State, TimeSpan? Elapsed, string? Reason);

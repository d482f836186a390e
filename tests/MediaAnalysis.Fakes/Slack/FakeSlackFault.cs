namespace MediaAnalysis.Fakes.Slack;

// A scripted failure: HTTP status, Slack error string, Retry-After, missing scope.
internal sealed record FakeSlackFault(int Status, string? Error, TimeSpan? RetryAfter, string? Needed);

namespace MediaAnalysis.Tests.Support;

// Tests that read the app's /metrics export and wait for one of its gauges. Every app a test builds creates a
// meter named "MediaAnalysis"; OpenTelemetry's provider listens by name, so another test's app built at the same
// moment can hand it a duplicate gauge that is dropped, or one that vanishes when that app is disposed. xUnit runs
// this collection alone, after the parallel ones.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

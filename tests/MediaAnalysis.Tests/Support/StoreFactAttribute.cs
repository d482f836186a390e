using Xunit.Sdk;

namespace MediaAnalysis.Tests.Support;

// A fact that needs a database server when its class says so (INeedsPostgres): without one (no
// MEDIAANALYSIS_TEST_POSTGRES, outside CI) it is reported as skipped, with the reason, instead of passing.
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("MediaAnalysis.Tests.Support.StoreFactDiscoverer", "MediaAnalysis.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

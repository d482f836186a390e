namespace MediaAnalysis.Tests.Support;

// Marks a test class whose [StoreFact]s run against PostgreSQL (MEDIAANALYSIS_TEST_POSTGRES, set by .ci/run).
#pragma warning disable CA1040 // a marker: the discoverer looks for it
public interface INeedsPostgres;
#pragma warning restore CA1040

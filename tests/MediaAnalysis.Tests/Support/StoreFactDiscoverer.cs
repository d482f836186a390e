using Xunit.Abstractions;
using Xunit.Sdk;

namespace MediaAnalysis.Tests.Support;

// Discovers [StoreFact]s: as plain facts, except in an INeedsPostgres class when no PostgreSQL was given, where
// each is reported skipped with the reason. In CI (CI=true) nothing is skipped: .ci/run fails first anyway.
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public const string Variable = "MEDIAANALYSIS_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = typeof(INeedsPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        if (needsPostgres && ConnectionString is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return
            [
                new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod,
                    $"SKIPPED: no PostgreSQL ({Variable} is not set; .ci/run starts a throwaway cluster, or `source .ci/postgres.sh; pg_start`)"),
            ];
        }
        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

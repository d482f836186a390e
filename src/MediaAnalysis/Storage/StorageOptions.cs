using MediaAnalysis.Configuration;

namespace MediaAnalysis.Storage;

public sealed class StorageOptions : IValidatedOptions
{
    public const string SectionName = "Storage";

    public string ConnectionString { get; set; } = "Data Source=data/media-analysis.db";

    // "sqlite" today; "postgres" later, behind the same IJobStore.
    public string Provider { get; set; } = "sqlite";

    public int RetentionDays { get; set; } = 7;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{SectionName}:ConnectionString is required";
        }
        if (!string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{SectionName}:Provider '{Provider}' is not available yet; use sqlite";
        }
        if (OptionChecks.InRange($"{SectionName}:RetentionDays", RetentionDays, 1, 3650) is { } retention)
        {
            yield return retention;
        }
    }
}

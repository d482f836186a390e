using System.Text.Json;

namespace MediaAnalysis.Jobs;

// What a job runs with: its server's analysis choices when it starts, kept with the job (jobs.settings_snapshot)
// so a resume uses the same.
public sealed record JobSettings : AnalysisChoices
{
    public static readonly JobSettings Operator = new();

    public JobSettings()
    {
    }

    // The choices alone, whatever else their holder keeps.
    public JobSettings(AnalysisChoices choices)
        : base(choices)
    {
    }

    public string Serialize() => JsonSerializer.Serialize(this, JobSettingsJsonContext.Default.JobSettings);

    // Null or empty (a job stored before snapshots were kept) or unreadable: the operator's defaults.
    public static JobSettings Parse(string? document) => StoredJson.ReadOrNull(document, JobSettingsJsonContext.Default.JobSettings) ?? Operator;
}

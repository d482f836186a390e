using System.Text.Json;
using System.Text.Json.Serialization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Settings;

// One server's own settings, stored as one JSON document (tenant_settings.document): its analysis choices
// (AnalysisChoices, which its jobs take) and the rest. Null: the operator's default.
public sealed record TenantSettings : AnalysisChoices
{
    public static readonly TenantSettings Defaults = new();

    [JsonPropertyName("monthly_budget_usd")]
    public decimal? MonthlyBudgetUsd { get; init; }

    [JsonPropertyName("per_member_daily")]
    public int? PerMemberDaily { get; init; }

    // Discord: only members with this role (its id) may analyze.
    [JsonPropertyName("role")]
    public string? AccessRole { get; init; }

    // Only in these channels (ids) may anyone analyze.
    [JsonPropertyName("channels")]
    public IReadOnlyList<string>? AccessChannels { get; init; }

    // The private results pages (when the operator set Web:PublicBaseUrl).
    [JsonPropertyName("pages")]
    public bool? Pages { get; init; }

    [JsonIgnore]
    public bool EveryoneMayAnalyze => AccessRole is null && AccessChannels is not { Count: > 0 };

    // What a job starting now runs with.
    public JobSettings ForJob() => new(this);

    public TenantLimits Limits() => new(MonthlyBudgetUsd, PerMemberDaily, MaxMinutes);

    public string Serialize() => JsonSerializer.Serialize(this, SettingsJsonContext.Default.TenantSettings);

    // An unreadable document counts as none (the defaults); it is replaced by the next change.
    public static TenantSettings Parse(string? document) => StoredJson.ReadOrNull(document, SettingsJsonContext.Default.TenantSettings) ?? Defaults;
}

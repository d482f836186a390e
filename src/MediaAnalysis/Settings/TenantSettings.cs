using System.Text.Json;
using System.Text.Json.Serialization;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Settings;

// One server's own settings, stored as one JSON document (tenant_settings.document). Null: the operator's default.
public sealed record TenantSettings
{
    public static readonly TenantSettings Defaults = new();

    [JsonPropertyName("prompts")]
    public IReadOnlyList<ServerPrompt>? Prompts { get; init; }

    [JsonPropertyName("models")]
    public IReadOnlyList<string>? Models { get; init; }

    // A BCP-47 code; null: the language of the speech ("speech").
    [JsonPropertyName("answers")]
    public string? AnswerLanguage { get; init; }

    [JsonPropertyName("glossary")]
    public IReadOnlyList<string>? Glossary { get; init; }

    [JsonPropertyName("monthly_budget_usd")]
    public decimal? MonthlyBudgetUsd { get; init; }

    [JsonPropertyName("per_member_daily")]
    public int? PerMemberDaily { get; init; }

    [JsonPropertyName("max_minutes")]
    public int? MaxMinutes { get; init; }

    // Discord: only members with this role (its id) may analyze.
    [JsonPropertyName("role")]
    public string? AccessRole { get; init; }

    // Only in these channels (ids) may anyone analyze.
    [JsonPropertyName("channels")]
    public IReadOnlyList<string>? AccessChannels { get; init; }

    // The panel verdict (the questions issue reads it).
    [JsonPropertyName("verdict")]
    public bool? Verdict { get; init; }

    // The private results pages (when the operator set Web:PublicBaseUrl).
    [JsonPropertyName("pages")]
    public bool? Pages { get; init; }

    [JsonIgnore]
    public bool EveryoneMayAnalyze => AccessRole is null && AccessChannels is not { Count: > 0 };

    // What a job starting now runs with.
    public JobSettings ForJob() => new()
    {
        Prompts = Prompts,
        Models = Models,
        AnswerLanguage = AnswerLanguage,
        Glossary = Glossary,
        MaxMinutes = MaxMinutes,
        Verdict = Verdict,
    };

    public TenantLimits Limits() => new(MonthlyBudgetUsd, PerMemberDaily, MaxMinutes);

    public string Serialize() => JsonSerializer.Serialize(this, SettingsJsonContext.Default.TenantSettings);

    // An unreadable document counts as none (the defaults); it is replaced by the next change.
    public static TenantSettings Parse(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return Defaults;
        }
        try
        {
            return JsonSerializer.Deserialize(document, SettingsJsonContext.Default.TenantSettings) ?? Defaults;
        }
        catch (JsonException)
        {
            return Defaults;
        }
    }
}

using System.Text.Json.Serialization;

namespace MediaAnalysis.Jobs;

// What a server chooses about its analyses: held by its settings (Settings.TenantSettings) and taken by each job
// as its snapshot (JobSettings). Both documents keep these flat, under these names. Null: the operator's
// configuration (Analysis:Prompts, Analysis:Models, ...).
public abstract record AnalysisChoices
{
    [JsonPropertyName("prompts")]
    public IReadOnlyList<ServerPrompt>? Prompts { get; init; }

    [JsonPropertyName("models")]
    public IReadOnlyList<string>? Models { get; init; }

    // A BCP-47 code the answers are written in; null: the language of the speech ("speech").
    [JsonPropertyName("answers")]
    public string? AnswerLanguage { get; init; }

    // Names and jargon Deepgram is told to expect.
    [JsonPropertyName("glossary")]
    public IReadOnlyList<string>? Glossary { get; init; }

    // The server's longest video, at most Media:MaxDurationMinutes.
    [JsonPropertyName("max_minutes")]
    public int? MaxMinutes { get; init; }

    // The server's panel-verdict switch; null: the operator's Analysis:Verdict:Enabled.
    [JsonPropertyName("verdict")]
    public bool? Verdict { get; init; }
}

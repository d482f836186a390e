using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaAnalysis.Jobs;

// What a job runs with, taken from its server's settings when it starts and kept with the job (jobs.settings_snapshot),
// so a resume uses the same. Null fields: the operator's configuration (Analysis:Prompts, Analysis:Models, ...).
public sealed record JobSettings
{
    public static readonly JobSettings Operator = new();

    [JsonPropertyName("prompts")]
    public IReadOnlyList<ServerPrompt>? Prompts { get; init; }

    [JsonPropertyName("models")]
    public IReadOnlyList<string>? Models { get; init; }

    // A BCP-47 code the answers are written in; null: the language of the speech.
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

    public string Serialize() => JsonSerializer.Serialize(this, JobSettingsJsonContext.Default.JobSettings);

    // Null or empty (a job stored before snapshots were kept) or unreadable: the operator's defaults.
    public static JobSettings Parse(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return Operator;
        }
        try
        {
            return JsonSerializer.Deserialize(document, JobSettingsJsonContext.Default.JobSettings) ?? Operator;
        }
        catch (JsonException)
        {
            return Operator;
        }
    }
}

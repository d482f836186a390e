using MediaAnalysis.Configuration;

namespace MediaAnalysis.Pipeline.Analysis;

public sealed class OpenRouterOptions : IValidatedOptions
{
    public const string SectionName = "OpenRouter";

    public string? ApiKey { get; set; }

    // Any OpenAI-compatible endpoint works (a local Ollama: http://localhost:11434/v1).
    public string BaseUrl { get; set; } = "https://openrouter.ai/api/v1";

    // Per try. OpenRouter sends nothing until a non-streamed answer is complete.
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    // High enough for reasoning models, which spend tokens before the visible answer.
    public int MaxTokens { get; set; } = 4096;

    // Attribution headers (HTTP-Referer, X-OpenRouter-Title): OpenRouter rankings only, no effect on answers.
    public string? AppUrl { get; set; }

    public string AppTitle { get; set; } = "MediaAnalysis";

    public IEnumerable<string> Validate()
    {
        string?[] problems =
        [
            OptionChecks.Required($"{SectionName}:ApiKey", ApiKey),
            OptionChecks.AbsoluteHttpUrl($"{SectionName}:BaseUrl", BaseUrl),
            OptionChecks.Positive($"{SectionName}:RequestTimeout", RequestTimeout),
            OptionChecks.InRange($"{SectionName}:MaxAttempts", MaxAttempts, 1, 10),
            OptionChecks.InRange($"{SectionName}:MaxTokens", MaxTokens, 16, 1_000_000),
            RetryBaseDelay >= TimeSpan.Zero ? null : $"{SectionName}:RetryBaseDelay must not be negative",
            string.IsNullOrWhiteSpace(AppUrl) ? null : OptionChecks.AbsoluteHttpUrl($"{SectionName}:AppUrl", AppUrl),
        ];
        return problems.OfType<string>();
    }
}

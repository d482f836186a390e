using MediaAnalysis.Configuration;

namespace MediaAnalysis.Spend;

// What a call costs when its service does not say (section Pricing): Deepgram per minute of audio, and per model
// the token prices used when OpenRouter's reply has no usage.cost (an OpenAI-compatible server other than OpenRouter).
public sealed class PricingOptions : IValidatedOptions
{
    public const string SectionName = "Pricing";

    // Deepgram Nova-3 pre-recorded, pay as you go.
    public decimal DeepgramUsdPerMinute { get; set; } = 0.0043m;

    public List<ModelPrice> Models { get; set; } = [];

    public ModelPrice? PriceOf(string model) => Models.FirstOrDefault(m => string.Equals(m.Id, model, StringComparison.Ordinal));

    public IEnumerable<string> Validate()
    {
        if (DeepgramUsdPerMinute < 0 || DeepgramUsdPerMinute > 100)
        {
            yield return $"{SectionName}:DeepgramUsdPerMinute must be between 0 and 100, got {DeepgramUsdPerMinute}";
        }
        for (var i = 0; i < Models.Count; i++)
        {
            var m = Models[i];
            if (string.IsNullOrWhiteSpace(m.Id) || m.Id.Any(char.IsWhiteSpace))
            {
                yield return $"{SectionName}:Models:{i}:Id must be a model id such as openai/gpt-4o-mini, got '{m.Id}'";
            }
            if (m.PromptUsdPerMillion < 0 || m.CompletionUsdPerMillion < 0)
            {
                yield return $"{SectionName}:Models:{i} prices must not be negative";
            }
        }
        if (Models.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count() != Models.Count)
        {
            yield return $"{SectionName}:Models lists a model twice";
        }
    }
}

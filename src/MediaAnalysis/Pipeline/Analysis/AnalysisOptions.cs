using MediaAnalysis.Configuration;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Analysis;

public sealed class AnalysisOptions : IValidatedOptions
{
    public const string SectionName = "Analysis";

    // Null means "not configured", so that the defaults are replaced, never appended to.
    public List<string>? Models { get; set; }

    public List<PromptVariant>? Prompts { get; set; }

    // The models a server may choose in its settings; empty: any id the endpoint accepts.
    public List<string> AllowedModels { get; set; } = [];

    public IReadOnlyList<string> EffectiveModels => Models is { Count: > 0 } models ? models : AnalysisDefaults.Models;

    public VerdictOptions Verdict { get; set; } = new();

    // Answers follow-up questions; empty: the first model. (A server's own question model, issue 17, wins.)
    public string? QuestionModel { get; set; }

    public string EffectiveQuestionModel => string.IsNullOrWhiteSpace(QuestionModel) ? EffectiveModels[0] : QuestionModel.Trim();

    public string VerdictModel => string.IsNullOrWhiteSpace(Verdict.Model) ? EffectiveModels[0] : Verdict.Model.Trim();

    // Null when there is no other model to fall back to.
    public string? VerdictFallback =>
        !string.IsNullOrWhiteSpace(Verdict.Fallback) ? Verdict.Fallback.Trim()
        : EffectiveModels.Skip(1).FirstOrDefault(m => !string.Equals(m, VerdictModel, StringComparison.Ordinal))
          ?? EffectiveModels.FirstOrDefault(m => !string.Equals(m, VerdictModel, StringComparison.Ordinal));

    public IReadOnlyList<PromptVariant> EffectivePrompts => Prompts is { Count: > 0 } prompts ? prompts : AnalysisDefaults.Prompts;

    public IEnumerable<string> Validate()
    {
        var models = EffectiveModels;
        for (var i = 0; i < models.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(models[i]) || models[i].Any(char.IsWhiteSpace))
            {
                yield return $"{SectionName}:Models:{i} must be a model id such as openai/gpt-4o-mini, got '{models[i]}'";
            }
            else if (models[i].Length > StoredText.NameLength)
            {
                // The job store keeps answers by model id (answers.model); a longer one would not match its answers back.
                yield return $"{SectionName}:Models:{i} must be at most {StoredText.NameLength} characters";
            }
        }
        if (models.Distinct(StringComparer.Ordinal).Count() != models.Count)
        {
            yield return $"{SectionName}:Models lists a model twice";
        }
        var prompts = EffectivePrompts;
        for (var i = 0; i < prompts.Count; i++)
        {
            var p = prompts[i];
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                yield return $"{SectionName}:Prompts:{i}:Name is required";
            }
            else if (p.Name.Length > StoredText.PromptLength)
            {
                yield return $"{SectionName}:Prompts:{i}:Name must be at most {StoredText.PromptLength} characters";
            }
            if (string.IsNullOrWhiteSpace(p.System))
            {
                yield return $"{SectionName}:Prompts:{i}:System is required";
            }
            var at = p.User.IndexOf(PromptVariant.TranscriptPlaceholder, StringComparison.Ordinal);
            if (at < 0 || p.User.IndexOf(PromptVariant.TranscriptPlaceholder, at + 1, StringComparison.Ordinal) >= 0)
            {
                yield return $"{SectionName}:Prompts:{i}:User must contain {PromptVariant.TranscriptPlaceholder} exactly once";
            }
        }
        if (prompts.Any(p => string.Equals(p.Name?.Trim(), MediaAnalysis.Jobs.PanelVerdict.Prompt, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{SectionName}:Prompts may not use the name '{MediaAnalysis.Jobs.PanelVerdict.Prompt}' (the panel verdict's)";
        }
        if (Verdict.MaxTokens is < 100 or > 100_000)
        {
            yield return $"{SectionName}:Verdict:MaxTokens must be between 100 and 100000, got {Verdict.MaxTokens}";
        }
        for (var i = 0; i < AllowedModels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AllowedModels[i]) || AllowedModels[i].Any(char.IsWhiteSpace))
            {
                yield return $"{SectionName}:AllowedModels:{i} must be a model id such as openai/gpt-4o-mini, got '{AllowedModels[i]}'";
            }
        }
        if (prompts.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != prompts.Count)
        {
            yield return $"{SectionName}:Prompts has two variants with the same Name";
        }
    }
}

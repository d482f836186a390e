using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Analysis;

// What one job's fan-out asks: the prompt variants, the models, and the language the answers are written in (null:
// the speech's). From the job's settings where its server set them, else from Analysis:Prompts and Analysis:Models.
public sealed record AnalysisPlan(IReadOnlyList<PromptVariant> Prompts, IReadOnlyList<string> Models, string? AnswerLanguage)
{
    // Where a server's instructions go: the transcript after them, the citation rule and the language added by the bot.
    public const string ServerUserMessage = "Transcript:\n" + PromptVariant.TranscriptPlaceholder;

    public static AnalysisPlan For(JobSettings settings, AnalysisOptions analysis)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(analysis);
        IReadOnlyList<PromptVariant> prompts = settings.Prompts is { Count: > 0 } own
            ? [.. own.Select(p => new PromptVariant
            {
                Name = p.Name,
                System = p.Instructions.Trim() + AnalysisDefaults.ChatMarkdown,
                User = ServerUserMessage,
            })]
            : analysis.EffectivePrompts;
        var models = settings.Models is { Count: > 0 } chosen ? chosen : analysis.EffectiveModels;
        return new AnalysisPlan(prompts, models, settings.AnswerLanguage);
    }
}

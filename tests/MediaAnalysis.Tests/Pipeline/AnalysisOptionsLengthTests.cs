using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;

namespace MediaAnalysis.Tests.Pipeline;

// Model ids and prompt names are how stored answers are matched back to the configuration (answers.model,
// answers.prompt): one longer than its column is refused at start, where the store would have to shorten it.
public sealed class AnalysisOptionsLengthTests
{
    [Fact]
    public void A_model_id_or_prompt_name_longer_than_its_column_is_refused_at_start()
    {
        var fits = Options(new string('m', StoredText.NameLength), new string('p', StoredText.PromptLength));
        var tooLong = Options(new string('m', StoredText.NameLength + 1), new string('p', StoredText.PromptLength + 1));

        Assert.Empty(fits.Validate());
        var problems = tooLong.Validate().ToList();
        Assert.Contains($"Analysis:Models:0 must be at most {StoredText.NameLength} characters", problems);
        Assert.Contains($"Analysis:Prompts:0:Name must be at most {StoredText.PromptLength} characters", problems);
    }

    private static AnalysisOptions Options(string model, string prompt) => new()
    {
        Models = [model],
        Prompts = [new PromptVariant { Name = prompt, System = "Be brief.", User = $"Summarize: {PromptVariant.TranscriptPlaceholder}" }],
    };
}

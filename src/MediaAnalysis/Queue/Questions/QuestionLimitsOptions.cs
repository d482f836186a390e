using MediaAnalysis.Configuration;

namespace MediaAnalysis.Queue.Questions;

// The Limits section's key for follow-up questions (the settings issue owns the section's other keys).
public sealed class QuestionLimitsOptions : IValidatedOptions
{
    public const string SectionName = "Limits";

    // Follow-up questions one member may ask per UTC day, in one server or workspace.
    public int QuestionsPerMemberDaily { get; set; } = 20;

    public IEnumerable<string> Validate()
    {
        if (OptionChecks.InRange($"{SectionName}:QuestionsPerMemberDaily", QuestionsPerMemberDaily, 1, 10000) is { } problem)
        {
            yield return problem;
        }
    }
}

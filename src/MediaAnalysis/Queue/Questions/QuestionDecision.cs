using MediaAnalysis.Jobs;

namespace MediaAnalysis.Queue.Questions;

// A question taken (the stored one: new, or the same key redelivered) or refused in plain words, said privately.
public sealed record QuestionDecision(QuestionRecord? Question, string? Refusal, bool Duplicate = false)
{
    public static QuestionDecision Refused(string why) => new(null, why);
}

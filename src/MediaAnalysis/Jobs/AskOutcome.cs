namespace MediaAnalysis.Jobs;

// What storing a question did: a new one, the same key again (a redelivery: nothing new), or the asker's daily limit.
public enum AskOutcome
{
    Created,
    Duplicate,
    DailyLimitReached,
}

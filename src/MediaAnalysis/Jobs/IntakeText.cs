namespace MediaAnalysis.Jobs;

// What every platform tells a person about an intake outcome in the same words.
public static class IntakeText
{
    public const string StoreUnavailable = "I can't take new videos right now (my job storage is unavailable). Please try again later.";
}

namespace MediaAnalysis.Tests.Spend;

// The real clock moved by Offset: dates (UTC days and months) change when the test says; timers and elapsed time stay real.
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    // From now on the clock reads `at` (and runs on from there).
    public void MoveTo(DateTimeOffset at) => Offset = at - System.GetUtcNow();
}

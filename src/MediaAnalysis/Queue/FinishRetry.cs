namespace MediaAnalysis.Queue;

// A job's end must reach the database: a finish that fails to write (disk full, database busy, a connection
// lost) is tried again after each of these pauses (about a minute in all) before it is given up. A given-up
// end leaves the job running without a renewed lease, so the next start takes it up again.
public sealed class FinishRetry(IReadOnlyList<TimeSpan> delays)
{
    public FinishRetry()
        : this([.. new[] { 0.2, 0.5, 1, 2, 5, 10, 20, 30 }.Select(TimeSpan.FromSeconds)])
    {
    }

    public IReadOnlyList<TimeSpan> Delays { get; } = delays;
}

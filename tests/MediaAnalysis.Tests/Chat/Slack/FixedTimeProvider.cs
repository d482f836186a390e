namespace MediaAnalysis.Tests.Chat.Slack;

// A clock that says what the test sets; timers still run on real time.
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedTimeProvider AtUnix(long seconds) => new(DateTimeOffset.FromUnixTimeSeconds(seconds));

    public override DateTimeOffset GetUtcNow() => Now;
}

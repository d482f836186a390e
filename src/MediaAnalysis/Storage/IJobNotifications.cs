namespace MediaAnalysis.Storage;

// Wake-ups from the database itself, for stores shared by several instances (PostgreSQL: LISTEN/NOTIFY). A store
// without them is polled (Queue:PollInterval), which is also the fallback when they are silent (PgBouncer in
// transaction mode drops them).
public interface IJobNotifications
{
    // Runs until cancelled, calling `received` with each payload: "job" (work may start somewhere), "released"
    // (an instance shutting down gave up running jobs: rescue them now) or "cancel:<job id>" (a cancel was
    // requested for a running job). Reconnects after a failure, and then calls
    // `received("job")` once for whatever it may have missed.
    Task ListenAsync(Action<string> received, CancellationToken cancellationToken);
}

namespace MediaAnalysis.Storage;

// The database as a whole: its schema, its size in jobs, retention and whether it can be written.
public interface IJobMaintenance
{
    // Creates or migrates the schema; safe to call on every start.
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<(int Running, int Queued)> CountsAsync(CancellationToken cancellationToken);

    // Transcripts and answers go with their job.
    Task<int> DeleteFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    // A real write, for /healthz: false when the database cannot be written.
    Task<bool> CanWriteAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

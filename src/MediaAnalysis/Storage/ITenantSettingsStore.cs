using MediaAnalysis.Jobs;
namespace MediaAnalysis.Storage;

// Each server's own settings, their history, and the settings each job runs with. Kept outside Storage:RetentionDays.
public interface ITenantSettingsStore
{
    // Null when the server never changed anything.
    Task<StoredSettings?> GetSettingsAsync(string platform, string tenant, CancellationToken cancellationToken);

    // Writes the document and its change in one transaction, if the stored version is still `expectedVersion`
    // (0: none stored yet); false when someone else wrote first (read again and retry).
    Task<bool> SaveSettingsAsync(
        string platform, string tenant, int expectedVersion, string document, SettingsChange change, DateTimeOffset now, CancellationToken cancellationToken);

    // Newest first.
    Task<IReadOnlyList<SettingsChange>> RecentChangesAsync(string platform, string tenant, int count, CancellationToken cancellationToken);

    // Stores `document` as the job's settings unless it has some already; returns what the job has.
    Task<string> SnapshotSettingsAsync(string jobId, string document, CancellationToken cancellationToken);
}

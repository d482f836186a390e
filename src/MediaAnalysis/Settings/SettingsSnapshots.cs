using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Settings;

// A job takes its server's settings when it first starts and keeps them: a resume, on any instance, reads the same
// snapshot, whatever the server changed meanwhile. A job stored before snapshots were kept has '' (the defaults).
public sealed class SettingsSnapshots(ServerSettings settings, ITenantSettingsStore store)
{
    public async Task<JobRecord> TakeAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.SettingsSnapshot is not null)
        {
            return job;
        }
        var current = await settings.GetAsync(job.Platform, job.Tenant, cancellationToken);
        var kept = await store.SnapshotSettingsAsync(job.Id, current.ForJob().Serialize(), cancellationToken);
        return job with { SettingsSnapshot = kept };
    }
}

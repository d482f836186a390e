namespace MediaAnalysis.Storage;

// What a running job records as it goes: its stage, what the media turned out to be, the platform's own state.
public interface IJobProgress
{
    Task SetStageAsync(string jobId, string stage, CancellationToken cancellationToken);

    Task SaveMediaAsync(string jobId, long sizeBytes, double mediaSeconds, CancellationToken cancellationToken);

    Task SavePlatformStateAsync(string jobId, string state, CancellationToken cancellationToken);
}

namespace MediaAnalysis.Storage;

// What a running job records as it goes: its stage, what the media turned out to be, the platform's own state.
public interface IJobProgress
{
    Task SetStageAsync(string jobId, string stage, CancellationToken cancellationToken);

    Task SaveMediaAsync(string jobId, long sizeBytes, double mediaSeconds, CancellationToken cancellationToken);

    Task SavePlatformStateAsync(string jobId, string state, CancellationToken cancellationToken);

    // Compare-and-set: saves `state` only while the stored one is still `expected`; false when it had changed.
    Task<bool> ReplacePlatformStateAsync(string jobId, string expected, string state, CancellationToken cancellationToken);
}

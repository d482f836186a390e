namespace MediaAnalysis.Chat;

// What a replier gets for each call: the job's identity and the adapter's own saved state, which it may
// update (e.g. the thread it created) so that a job resumed after a restart finds it again.
public sealed class ReplyContext(
    string jobId,
    string tenant,
    string channel,
    string requesterId,
    string sourceName,
    string? platformState,
    Func<string, CancellationToken, Task> save)
{
    public string JobId { get; } = jobId;

    public string Tenant { get; } = tenant;

    public string Channel { get; } = channel;

    public string RequesterId { get; } = requesterId;

    public string SourceName { get; } = sourceName;

    public string? PlatformState { get; private set; } = platformState;

    public async Task SavePlatformStateAsync(string state, CancellationToken cancellationToken)
    {
        await save(state, cancellationToken);
        PlatformState = state;
    }
}

namespace MediaAnalysis.Jobs;

// What a replier gets for each call: the job's identity and the adapter's own saved state, which it may
// update (e.g. the thread it created) so that a job resumed after a restart finds it again.
// `save` keeps the new state with the job (the store's SavePlatformStateAsync for this job).
public sealed class ReplyContext
{
    private readonly Func<string, CancellationToken, Task> _save;

    private ReplyContext(JobRecord job, Func<string, CancellationToken, Task> save)
    {
        JobId = job.Id;
        Tenant = job.Tenant;
        Channel = job.Channel;
        RequesterId = job.RequesterId;
        SourceName = job.SourceName;
        PlatformState = job.PlatformState;
        _save = save;
    }

    public string JobId { get; }

    public string Tenant { get; }

    public string Channel { get; }

    public string RequesterId { get; }

    public string SourceName { get; }

    public string? PlatformState { get; private set; }

    public static ReplyContext For(JobRecord job, Func<string, CancellationToken, Task> save)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job, save);
    }

    public async Task SavePlatformStateAsync(string state, CancellationToken cancellationToken)
    {
        await _save(state, cancellationToken);
        PlatformState = state;
    }
}

using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;

namespace MediaAnalysis.Queue;

// The one way a job's reply context is made: from its row, saving the adapter's state back to that row.
public static class ReplyContexts
{
    public static ReplyContext ReplyContextFor(this IJobStore store, JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return ReplyContext.For(job, (state, ct) => store.SavePlatformStateAsync(job.Id, state, ct));
    }
}

using MediaAnalysis.Diagnostics;

namespace MediaAnalysis.Queue;

public sealed class InstanceStatus(InstanceIdentity identity, JobWorker worker) : IInstanceStatus
{
    public string InstanceId => identity.InstanceId;

    public int RunningHere => worker.Running;

    public string? Warning => identity.DuplicateWarning;
}

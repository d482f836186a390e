namespace MediaAnalysis.Diagnostics;

// What /healthz says about this process beside the store-wide counts: which instance answered, how many jobs it
// runs itself, and a warning when another live process uses the same instance id. The queue provides it.
public interface IInstanceStatus
{
    string InstanceId { get; }

    int RunningHere { get; }

    string? Warning { get; }
}

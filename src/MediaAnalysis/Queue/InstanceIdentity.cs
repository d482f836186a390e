using Microsoft.Extensions.Options;

namespace MediaAnalysis.Queue;

// Who this process is to the job store: Queue:InstanceId (default: the Fly machine id, else the host name) and a
// nonce of its own. Leases are held by both ("web-1/3f9c…"), so a restarted process with the same id takes its
// predecessor's jobs back at once, and two live processes configured with one id are told apart and named.
public sealed class InstanceIdentity(IOptions<QueueOptions> options)
{
    private IReadOnlyList<string> _duplicates = [];

    public string InstanceId { get; } = options.Value.EffectiveInstanceId;

    public string Owner { get; } = $"{options.Value.EffectiveInstanceId}/{Guid.NewGuid():N}";

    // Other live processes seen with this instance id at the last heartbeat (they should not be).
    public IReadOnlyList<string> Duplicates
    {
        get => Volatile.Read(ref _duplicates);
        set => Volatile.Write(ref _duplicates, value);
    }

    public string? DuplicateWarning => Duplicates.Count == 0
        ? null
        : $"another live process uses Queue:InstanceId '{InstanceId}' ({string.Join(", ", Duplicates)}); give each instance its own id";
}

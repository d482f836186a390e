namespace MediaAnalysis.Diagnostics;

// Running and Queued are store-wide (every instance on a shared store); Instance names the one that answered,
// InstanceRunning counts the jobs it runs itself; Warning names a misconfiguration (two live processes, one id).
public sealed record HealthReport(string Status, int Running, int Queued, string? Reason)
{
    public string? Instance { get; init; }

    public int InstanceRunning { get; init; }

    public string? Warning { get; init; }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MediaAnalysis.Bench;

// The app instances of a chaos run: `serve` processes on one job store, each on a fixed port (a load balancer's
// list of backends), killed with SIGKILL (with their ffmpeg children, as a lost machine loses them) and started
// again under the same Queue:InstanceId and port.
internal sealed class Fleet(string app, IReadOnlyDictionary<string, string> env, int count) : IDisposable
{
    private readonly AppProcess?[] _instances = new AppProcess?[count];
    private readonly StringBuilder _log = new();

    public int[] Ports { get; } = Enumerable.Range(0, count).Select(_ => AppProcess.FreePort()).ToArray();

    public IEnumerable<Uri> Urls => Ports.Select(p => new Uri($"http://127.0.0.1:{p}"));

    public int Count => count;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool IsAlive(int i) => _instances[i]?.Process is { HasExited: false };

    private IEnumerable<Process> Processes => _instances.OfType<AppProcess>().Select(instance => instance.Process);

    public async Task StartAsync(int i)
    {
        var start = new ProcessStartInfo("dotnet");
        foreach (var a in new[] { app, "serve", $"--urls=http://127.0.0.1:{Ports[i]}" })
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }
        start.Environment["Queue__InstanceId"] = $"bench-{i}";
        _instances[i]?.Dispose();
        _instances[i] = AppProcess.Start(start, line => Keep(i, line));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Ports[i]}"), Timeout = TimeSpan.FromSeconds(5) };
        if (!await _instances[i]!.WaitHealthyAsync(http, TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"instance {i} did not start:\n{Log}");
        }
    }

    public async Task KillAsync(int i)
    {
        if (_instances[i]?.Process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    // SIGTERM to every live instance (a graceful stop), then waits for them.
    public async Task StopAsync()
    {
        foreach (var process in Processes.Where(p => !p.HasExited))
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        foreach (var process in Processes)
        {
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        foreach (var instance in _instances.OfType<AppProcess>())
        {
            if (!instance.Process.HasExited)
            {
                instance.Process.Kill(entireProcessTree: true);
            }
            instance.Dispose();
        }
    }

    private void Keep(int i, string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Append(CultureInfo.InvariantCulture, $"[{i}] {line}\n");
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MediaAnalysis.Bench;

// The app instances of a chaos run: `serve` processes on one job store, each on a fixed port (a load balancer's
// list of backends), killed with SIGKILL (with their ffmpeg children, as a lost machine loses them) and started
// again under the same Queue:InstanceId and port.
internal sealed class Fleet(string app, IReadOnlyDictionary<string, string> env, int count) : IDisposable
{
    private readonly Process?[] _processes = new Process?[count];
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

    public bool IsAlive(int i) => _processes[i] is { HasExited: false };

    public async Task StartAsync(int i)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { app, "serve", $"--urls=http://127.0.0.1:{Ports[i]}" })
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }
        start.Environment["Queue__InstanceId"] = $"bench-{i}";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => Keep(i, e.Data);
        process.OutputDataReceived += (_, e) => Keep(i, e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _processes[i] = process;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Ports[i]}"), Timeout = TimeSpan.FromSeconds(5) };
        var booted = Stopwatch.StartNew();
        while (!await AppProcess.HealthyAsync(http))
        {
            if (process.HasExited || booted.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"instance {i} did not start:\n{Log}");
            }
            await Task.Delay(50);
        }
    }

    public async Task KillAsync(int i)
    {
        if (_processes[i] is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    // SIGTERM to every live instance (a graceful stop), then waits for them.
    public async Task StopAsync()
    {
        foreach (var process in _processes.OfType<Process>().Where(p => !p.HasExited))
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        foreach (var process in _processes.OfType<Process>())
        {
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes.OfType<Process>())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
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

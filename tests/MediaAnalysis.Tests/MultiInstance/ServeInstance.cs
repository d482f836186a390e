using System.Collections.Concurrent;
using System.Diagnostics;
using MediaAnalysis.Tests.Queue;

namespace MediaAnalysis.Tests.MultiInstance;

// One real `serve` process (the test host, posting to a file of its own) on a shared PostgreSQL job store,
// with a short lease so that tests see it lapse. Its log lines are kept for the test to read.
internal sealed class ServeInstance : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private ServeInstance(string name, string posts, Process process)
    {
        Name = name;
        Posts = posts;
        _process = process;
    }

    public string Name { get; }

    public string Posts { get; }

    public int Pid => _process.Id;

    public IEnumerable<string> Output => _output;

    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    public static ServeInstance Start(PipelineHarness outside, string connectionString, string name, Dictionary<string, string?>? extra = null)
    {
        var posts = Path.Combine(outside.Root, $"posts-{name}-{Guid.NewGuid():N}.jsonl");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaAnalysis.TestHost.dll"));
        start.ArgumentList.Add(posts);
        var settings = new Dictionary<string, string?>(outside.Settings)
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Queue:InstanceId"] = name,
            ["Queue:LeaseDuration"] = Lease.ToString(),
            ["Queue:PollInterval"] = "00:00:01",
            ["Queue:StatusInterval"] = "00:00:00.200",
            ["Media:TempPath"] = Path.Combine(outside.Root, $"tmp-{name}"),
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        var process = Process.Start(start)!;
        var instance = new ServeInstance(name, posts, process);
        process.OutputDataReceived += (_, e) => instance.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    public List<ResumeAfterKillTests.Line> Lines() => ResumeAfterKillTests.Lines(Posts);

    public bool Said(string text) => _output.Any(l => l.Contains(text, StringComparison.Ordinal));

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    // SIGSTOP / SIGCONT: the process freezes (a long GC pause, a stalled VM) and later wakes.
    public Task FreezeAsync() => SignalAsync("STOP");

    public Task ThawAsync() => SignalAsync("CONT");

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                SignalAsync("CONT").GetAwaiter().GetResult();
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {_process.Id}")!;
        await kill.WaitForExitAsync();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}

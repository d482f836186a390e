using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MediaAnalysis.Fakes;
using MediaAnalysis.Fakes.Discord;
using NSec.Cryptography;

namespace MediaAnalysis.Bench;

// The app as a process of its own, as the benches start it: its output kept for when something fails, and a wait
// until /healthz answers. Also the settings that point it at the fakes, which every bench with the fakes shares.
public sealed class AppProcess : IDisposable
{
    private readonly StringBuilder _log = new();

    private AppProcess(Process process) => Process = process;

    public Process Process { get; }

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

    // `keep`: where its output lines go instead of its own Log (a fleet keeps one log for all its instances).
    public static AppProcess Start(ProcessStartInfo start, Action<string?>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var app = new AppProcess(Process.Start(start)!);
        keep ??= app.Keep;
        app.Process.ErrorDataReceived += (_, e) => keep(e.Data);
        app.Process.OutputDataReceived += (_, e) => keep(e.Data);
        app.Process.BeginErrorReadLine();
        app.Process.BeginOutputReadLine();
        return app;
    }

    // False when the process ended or `timeout` passed first.
    public async Task<bool> WaitHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var booted = Stopwatch.StartNew();
        while (!await HealthyAsync(http))
        {
            if (Process.HasExited || booted.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }

    public static async Task<bool> HealthyAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The app's settings for the fakes: their addresses and keys, the file host allowed over plain HTTP, job
    // folders under `outDir`, Discord signed with `key`, warnings only.
    public static Dictionary<string, string> FakesSettings(
        FakeDeepgram deepgram, FakeOpenRouter openRouter, FakeFileHost files, FakeDiscordApi discord, Key key, string outDir)
    {
        ArgumentNullException.ThrowIfNull(deepgram);
        ArgumentNullException.ThrowIfNull(openRouter);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(discord);
        ArgumentNullException.ThrowIfNull(key);
        return new Dictionary<string, string>
        {
            ["Deepgram__ApiKey"] = deepgram.ApiKey, ["Deepgram__BaseUrl"] = deepgram.BaseAddress.ToString(),
            ["OpenRouter__ApiKey"] = openRouter.ApiKey, ["OpenRouter__BaseUrl"] = openRouter.BaseAddress.ToString(),
            ["Media__AllowedHosts__0"] = files.BaseAddress.Authority, ["Media__AllowHttp"] = "true", ["Media__TempPath"] = Path.Combine(outDir, "jobs"),
            ["Discord__ApplicationId"] = discord.ApplicationId, ["Discord__BotToken"] = discord.BotToken, ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord__PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public void Dispose() => Process.Dispose();

    private void Keep(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}

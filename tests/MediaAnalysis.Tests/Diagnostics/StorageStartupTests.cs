using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MediaAnalysis.Cli;

namespace MediaAnalysis.Tests.Diagnostics;

// `serve` on PostgreSQL that it cannot have: it says so in one sentence and exits 2, never with a stack trace
// nor the connection string's password; an unreachable server is waited for (Storage:StartupTimeout), a
// malformed connection string is not.
public sealed class StorageStartupTests
{
    private const string Password = "pw-never-logged-7731";

    [Fact]
    public async Task An_unreachable_database_is_retried_with_a_line_every_few_seconds_then_serve_exits_2()
    {
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = await ServeAsync(
            $"Host=127.0.0.1;Port={ClosedPort()};Username=app;Password={Password};Database=jobs", "00:00:06");

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(40));
        Assert.Contains("could not be reached in 6 s (Storage:StartupTimeout)", stderr);
        Assert.Contains("127.0.0.1", stderr);
        Assert.InRange(stdout.Split('\n').Count(l => l.Contains("is not reachable yet", StringComparison.Ordinal)), 1, 3);
        AssertNoTraceNorSecret(stdout + stderr);
    }

    [Fact]
    public async Task A_malformed_connection_string_exits_2_at_once()
    {
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = await ServeAsync($"Host=127.0.0.1;Password={Password};Colour=blue", "00:01:00");

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains("Storage:ConnectionString is not a valid PostgreSQL connection string", stderr);
        AssertNoTraceNorSecret(stdout + stderr);
    }

    [Fact]
    public async Task An_unknown_provider_exits_2_naming_the_choices()
    {
        var (exit, _, stderr) = await ServeAsync("Host=127.0.0.1", "00:00:05", provider: "mysql");

        Assert.Equal(ExitCodes.BadArguments, exit);
        Assert.Contains("Storage:Provider must be 'sqlite' or 'postgres', got 'mysql'", stderr);
    }

    private static void AssertNoTraceNorSecret(string output)
    {
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception:", output);
        Assert.DoesNotContain(Password, output);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> ServeAsync(string connectionString, string timeout, string provider = "postgres")
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaAnalysis.dll"));
        foreach (var argument in new[]
                 {
                     "serve", "--urls=http://127.0.0.1:0", "--Deepgram:ApiKey=dg", "--OpenRouter:ApiKey=or",
                     $"--Storage:Provider={provider}", $"--Storage:ConnectionString={connectionString}", $"--Storage:StartupTimeout={timeout}",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}

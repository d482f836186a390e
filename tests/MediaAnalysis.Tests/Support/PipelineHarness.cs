using MediaAnalysis.Cli;
using MediaAnalysis.Fakes;

namespace MediaAnalysis.Tests.Support;

// The outside world of one test: fake Deepgram, OpenRouter and file host on loopback, a private temp
// folder for job workspaces, and the configuration that points the app at all of them.
public sealed class PipelineHarness : IAsyncDisposable
{
    public static readonly string[] Models = ["vendor-a/model-1", "vendor-b/model-2", "vendor-c/model-3"];

    private PipelineHarness(FakeDeepgram deepgram, FakeOpenRouter openRouter, FakeFileHost files, string root)
    {
        Deepgram = deepgram;
        OpenRouter = openRouter;
        Files = files;
        Root = root;
        Settings = new Dictionary<string, string?>
        {
            ["Deepgram:ApiKey"] = deepgram.ApiKey,
            ["Deepgram:BaseUrl"] = deepgram.BaseAddress.ToString(),
            ["Deepgram:RetryBaseDelay"] = "00:00:00.050",
            ["OpenRouter:ApiKey"] = openRouter.ApiKey,
            ["OpenRouter:BaseUrl"] = openRouter.BaseAddress.ToString(),
            ["OpenRouter:RetryBaseDelay"] = "00:00:00.050",
            ["OpenRouter:AppUrl"] = "https://example.test/media-analysis",
            ["Analysis:Models:0"] = Models[0],
            ["Analysis:Models:1"] = Models[1],
            ["Analysis:Models:2"] = Models[2],
            ["Media:AllowedHosts:0"] = files.BaseAddress.Authority,
            ["Media:AllowHttp"] = "true",
            ["Media:TempPath"] = TempPath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    public FakeDeepgram Deepgram { get; }

    public FakeOpenRouter OpenRouter { get; }

    public FakeFileHost Files { get; }

    public string Root { get; }

    public string TempPath => Path.Combine(Root, "jobs");

    public Dictionary<string, string?> Settings { get; }

    public static async Task<PipelineHarness> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"ma-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "jobs"));
        Directory.CreateDirectory(Path.Combine(root, "deepgram"));
        return new PipelineHarness(
            await FakeDeepgram.StartAsync(Path.Combine(root, "deepgram")),
            await FakeOpenRouter.StartAsync(),
            await FakeFileHost.StartAsync(),
            root);
    }

    public Uri FileUrl(string path) => new(Files.BaseAddress, path);

    public async Task<CliRun> AnalyzeAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await AnalyzeCommand.RunAsync(args, stdout, stderr, Settings, timeout.Token);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    // Every job deletes its folder, whatever happened.
    public void AssertNoJobFilesLeft() => Assert.Empty(Directory.EnumerateFileSystemEntries(TempPath));

    public async ValueTask DisposeAsync()
    {
        await Deepgram.DisposeAsync();
        await OpenRouter.DisposeAsync();
        await Files.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}

public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

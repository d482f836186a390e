using MediaAnalysis.Cli;
using MediaAnalysis.Jobs;
using MediaAnalysis.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace MediaAnalysis.Tests.Web;

// The real app (serve, SQLite file, Kestrel) with results pages on, one Chromium for the test class, and a second
// store on the same database file that plays the worker: it writes what a job produces while the page is open.
public sealed class ResultPageSite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public static readonly string[] Prompts = ["Summary", "Review"];
    public static readonly string[] Models = ["openai/gpt-4o-mini", "anthropic/claude-haiku-4.5", "google/gemini-2.5-flash"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-page-{Guid.NewGuid():N}");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public SqliteJobStore Worker { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public string ScreenshotFolder => Path.Combine(_directory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var connection = $"Data Source={Path.Combine(_directory, "jobs.db")}";
        Worker = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = connection }), NullLogger<SqliteJobStore>.Instance);
        await Worker.InitializeAsync(CancellationToken.None);
        _app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Deepgram:ApiKey"] = "k",
            ["OpenRouter:ApiKey"] = "k",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = connection,
            ["Web:PublicBaseUrl"] = "http://127.0.0.1",
        });
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    // A job held by another "instance" (so this app's worker leaves it alone), with its page token.
    public async Task<(string JobId, string Token)> RunningJobAsync(string tenant)
    {
        var now = DateTimeOffset.UtcNow;
        var job = (await Worker.EnqueueAsync(QueueHarness.Request(new Uri("https://cdn.example/team-sync.mp4"), tenant, $"{tenant}-key"), 10, now, CancellationToken.None)).Job!;
        var claimed = await Worker.ClaimNextAsync("elsewhere/1", now, TimeSpan.FromMinutes(30), CancellationToken.None);
        Assert.Equal(job.Id, claimed?.Id);
        var token = PageToken.New();
        await Worker.SetPageTokenAsync(job.Id, token, CancellationToken.None);
        return (job.Id, token);
    }

    public Uri PageUrl(string token, string tail = "") => new(Address, $"/r/{token}{tail}");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Worker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // The screenshots stay for a person to look at (their folder is printed by the test).
        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            File.Delete(file);
        }
    }
}

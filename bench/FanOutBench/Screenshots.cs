using MediaAnalysis.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace MediaAnalysis.Bench;

// The README's pictures of the results page: SampleJob served by the real app, photographed in Debian's Chromium
// (launched by path, no browser download) at 1280 px (header, grid, verdict, questions, the transcript's search box) and
// 375 px (the cells stacked), light colours, one device pixel per CSS pixel, so each PNG stays small.
internal static class Screenshots
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var directory = Path.Combine(Path.GetTempPath(), $"page-shots-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var connection = $"Data Source={Path.Combine(directory, "jobs.db")}";
        try
        {
            using var store = new SqliteJobStore(Options.Create(new StorageOptions { ConnectionString = connection }), NullLogger<SqliteJobStore>.Instance);
            await store.InitializeAsync(CancellationToken.None);
            var token = await SampleJob.SeedAsync(store);
            var app = await PageHost.StartAsync(connection);
            try
            {
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
                var url = new Uri(PageHost.Address(app), $"/r/{token}").ToString();
                // Desktop: down to the transcript's search box (under 300 KB). Phone: the header and the first prompt's cells.
                await ShootAsync(browser, url, 1280, "document.querySelector('#transcript .search').getBoundingClientRect().bottom + 12", Path.Combine(folder, "results-page.png"));
                await ShootAsync(browser, url, 375, "document.getElementById('c0-1').getBoundingClientRect().bottom + 16", Path.Combine(folder, "results-page-phone.png"));
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task ShootAsync(IBrowser browser, string url, int width, string bottom, string path)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = 900 },
            DeviceScaleFactor = 1,
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var height = await page.EvaluateAsync<double>($"() => {bottom}");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Clip = new() { X = 0, Y = 0, Width = width, Height = (float)Math.Ceiling(height) } });
        Console.WriteLine($"{path}\t{width}x{Math.Ceiling(height)}\t{new FileInfo(path).Length} bytes");
    }
}

using System.Text.Json.Nodes;
using MediaAnalysis.Cli;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MediaAnalysis.Tests.Diagnostics;

// /healthz names the instance that answered and the jobs it runs itself, beside the store-wide counts; two live
// processes configured with one Queue:InstanceId on one store are named in a warning (here on a shared SQLite
// file: the instances table is the same on both providers).
public sealed class InstanceHealthTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ma-instances-{Guid.NewGuid():N}");

    [Fact]
    public async Task Healthz_names_its_instance_and_warns_when_another_live_process_uses_the_same_id()
    {
        await using var first = await StartAsync("web-1");
        await using var other = await StartAsync("web-2");
        Assert.Equal("web-1", (await HealthAsync(first))["instance"]!.GetValue<string>());
        Assert.Equal(0, (await HealthAsync(first))["instanceRunning"]!.GetValue<int>());
        Assert.Null((await HealthAsync(first))["warning"]);

        await using var twin = await StartAsync("web-1");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await HealthAsync(first))["warning"] is null || (await HealthAsync(twin))["warning"] is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "no warning about the second web-1 within 20 s");
            await Task.Delay(200);
        }

        Assert.Contains("Queue:InstanceId 'web-1'", (await HealthAsync(first))["warning"]!.GetValue<string>());
        Assert.Null((await HealthAsync(other))["warning"]);
        Assert.Equal("ok", (await HealthAsync(twin))["status"]!.GetValue<string>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<WebApplication> StartAsync(string instance)
    {
        var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Deepgram:ApiKey"] = "k",
            ["OpenRouter:ApiKey"] = "k",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "jobs.db")}",
            ["Queue:InstanceId"] = instance,
            ["Queue:LeaseDuration"] = "00:00:10",
            ["Lifecycle:HealthCheckCacheFor"] = "00:00:00",
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<JsonObject> HealthAsync(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        return JsonNode.Parse(await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)))!.AsObject();
    }
}

using MediaAnalysis.Cli;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MediaAnalysis.Bench;

// The real app (`serve`: Kestrel on a free port) over a given SQLite file, with results pages on.
internal static class PageHost
{
    public static async Task<WebApplication> StartAsync(string connection)
    {
        var app = ServeCommand.Build(["--urls=http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Deepgram:ApiKey"] = "unused",
            ["OpenRouter:ApiKey"] = "unused",
            ["Logging:LogLevel:Default"] = "Error",
            ["Storage:ConnectionString"] = connection,
            ["Web:PublicBaseUrl"] = "http://127.0.0.1",
        });
        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

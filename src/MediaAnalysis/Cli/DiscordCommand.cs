using MediaAnalysis.Chat.Discord;
using MediaAnalysis.Configuration;
using MediaAnalysis.Chat.Discord.Api;
using MediaAnalysis.Chat.Discord.Inbound;

namespace MediaAnalysis.Cli;

// `discord register-commands [--guild ID]`: bulk-overwrites /analyze and "Analyze video" (global, or in one
// guild, where changes show at once: good for testing).
public static class DiscordCommand
{
    public const string Usage = "Usage: MediaAnalysis discord register-commands [--guild ID]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (own, config) = AppConfiguration.Split(args);
        if (own.Count == 0 || own[0] != "register-commands")
        {
            stderr.WriteLine(Usage);
            return ExitCodes.BadArguments;
        }
        string? guild = null;
        var at = own.IndexOf("--guild");
        if (at >= 0)
        {
            if (at + 1 >= own.Count || !ulong.TryParse(own[at + 1], out _))
            {
                stderr.WriteLine("--guild needs a server id (a number: right-click the server with Developer Mode on, Copy Server ID).");
                return ExitCodes.BadArguments;
            }
            guild = own[at + 1];
            own.RemoveRange(at, 2);
        }
        if (own.Count != 1)
        {
            stderr.WriteLine(Usage);
            return ExitCodes.BadArguments;
        }

        var builder = AppConfiguration.CreateBuilder(config, overrides: null);
        builder.Logging.ClearProviders();
        builder.Services.AddDiscordProtocol();
        using var host = builder.Build();
        var problems = ConfigurationCheck.Collect(host.Services);
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DiscordOptions>>();
        if (problems.Count > 0 || !options.Value.IsEnabled)
        {
            ConfigurationCheck.Report(problems.Count > 0 ? problems : ["Discord:ApplicationId, Discord:PublicKey and Discord:BotToken are required"], stderr);
            return ExitCodes.BadArguments;
        }
        try
        {
            var api = host.Services.GetRequiredService<DiscordApiClient>();
            var count = await api.BulkOverwriteCommandsAsync(options.Value.ApplicationId!, guild, DiscordCommands.Registered, cancellationToken);
            stdout.WriteLine($"Registered {count} commands {(guild is null ? "globally (they can take up to an hour to show)" : $"in server {guild}")}.");
            stdout.WriteLine($"Invite link: {DiscordInteractionEndpoint.InviteUrl(options.Value.ApplicationId!)}");
            return ExitCodes.Ok;
        }
        catch (DiscordApiException ex)
        {
            stderr.WriteLine($"Discord refused: {ex.Status} (code {ex.Code}) {ex.DiscordMessage}");
            return ExitCodes.JobFailed;
        }
        catch (HttpRequestException ex)
        {
            stderr.WriteLine($"Could not reach Discord: {ex.Message}");
            return ExitCodes.JobFailed;
        }
    }
}

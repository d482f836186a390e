namespace MediaAnalysis.Cli;

// Picks the verb. No verb, or only --Section:Key=value settings, means `serve`.
public static class CommandLine
{
    public const string Help = """
        MediaAnalysis: transcribe a video and ask several language models about it.

        Usage:
          MediaAnalysis [serve] [--Section:Key=value ...]     run the web host (Discord and Slack endpoints, /healthz)
          MediaAnalysis analyze PATH-OR-URL [--json]          analyze one video from the terminal
          MediaAnalysis discord register-commands [--guild ID] register /analyze and "Analyze video" with Discord
          MediaAnalysis slack manifest --url https://HOST     print the Slack app manifest for this host
          MediaAnalysis help                                  this text

        Configuration: appsettings.json, environment variables (Deepgram__ApiKey), or --Deepgram:ApiKey=...
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var verb = args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) && args[0] != "--help" ? "serve" : args[0];
        var rest = verb == "serve" && args.Length > 0 && args[0] == "serve" ? args[1..] : verb == "serve" ? args : args[1..];
        switch (verb)
        {
            case "serve":
                // The host handles Ctrl-C and SIGTERM itself (graceful shutdown).
                return await ServeCommand.RunAsync(rest, Console.Error, configure: null, CancellationToken.None);
            case "analyze":
                return await AnalyzeCommand.RunAsync(rest, Console.Out, Console.Error, overrides: null, cancel.Token);
            case "discord":
                return await DiscordCommand.RunAsync(rest, Console.Out, Console.Error, cancel.Token);
            case "slack":
                return SlackCommand.Run(rest, Console.Out, Console.Error);
            case "help" or "--help" or "-h":
                Console.Out.WriteLine(Help);
                return ExitCodes.Ok;
            default:
                Console.Error.WriteLine($"Unknown command '{verb}'.");
                Console.Error.WriteLine(Help);
                return ExitCodes.BadArguments;
        }
    }
}

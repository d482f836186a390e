using MediaAnalysis.Chat.Slack;

namespace MediaAnalysis.Cli;

// `slack manifest --url https://PUBLIC-HOST`: the app manifest with the request URLs filled in.
public static class SlackCommand
{
    public const string Usage = "Usage: MediaAnalysis slack manifest --url https://PUBLIC-HOST";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var at = args.ToList().IndexOf("--url");
        if (args.Count < 3 || args[0] != "manifest" || at < 0 || at + 1 >= args.Count
            || !Uri.TryCreate(args[at + 1], UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            stderr.WriteLine(Usage);
            stderr.WriteLine("The URL is where Slack reaches the bot, e.g. https://media-analysis.fly.dev");
            return ExitCodes.BadArguments;
        }
        stdout.WriteLine(SlackManifest.Build(url));
        return ExitCodes.Ok;
    }
}

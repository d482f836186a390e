namespace MediaAnalysis.Fakes;

internal sealed record StandaloneOptions(
    LatencyRange DeepgramLatency,
    LatencyRange ModelLatency,
    string? UrlsFile,
    string? StatsFile,
    string? FilesDirectory,
    long? FilesRate = null)
{
    public const string Usage =
        "usage: MediaAnalysis.Fakes [--deepgram-latency MIN-MAX] [--model-latency MIN-MAX] [--files DIR] [--files-rate BYTES_PER_SECOND] [--urls-file PATH] [--stats-file PATH]";

    public static StandaloneOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new StandaloneOptions(LatencyRange.None, LatencyRange.None, null, null, null);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                return null;
            }
            if (i + 1 >= args.Count)
            {
                error.WriteLine($"{args[i]} needs a value");
                return null;
            }
            var value = args[++i];
            switch (args[i - 1])
            {
                case "--deepgram-latency" when LatencyRange.Parse(value) is { } range:
                    options = options with { DeepgramLatency = range };
                    break;
                case "--model-latency" when LatencyRange.Parse(value) is { } range:
                    options = options with { ModelLatency = range };
                    break;
                case "--urls-file":
                    options = options with { UrlsFile = value };
                    break;
                case "--stats-file":
                    options = options with { StatsFile = value };
                    break;
                case "--files-rate" when long.TryParse(value, out var rate) && rate > 0:
                    options = options with { FilesRate = rate };
                    break;
                case "--files" when Directory.Exists(value):
                    options = options with { FilesDirectory = value };
                    break;
                default:
                    error.WriteLine($"bad argument: {args[i - 1]} {value}");
                    return null;
            }
        }
        return options;
    }
}

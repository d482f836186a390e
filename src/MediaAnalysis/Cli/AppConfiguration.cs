namespace MediaAnalysis.Cli;

// Every verb reads configuration the same way: appsettings.json next to the program (not the current
// directory, so the binary works from anywhere), then environment variables, then --Section:Key=value.
public static class AppConfiguration
{
    public static HostApplicationBuilder CreateBuilder(IReadOnlyList<string> configArgs, IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. configArgs],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        return builder;
    }

    // Splits "--Section:Key=value" / "--Section:Key value" (configuration) from the verb's own arguments.
    public static (List<string> Own, List<string> Config) Split(IReadOnlyList<string> args)
    {
        var own = new List<string>();
        var config = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf(':', StringComparison.Ordinal) > 2)
            {
                config.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    config.Add(args[++i]);
                }
            }
            else
            {
                own.Add(arg);
            }
        }
        return (own, config);
    }
}

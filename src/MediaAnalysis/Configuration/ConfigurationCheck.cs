using Microsoft.Extensions.Options;

namespace MediaAnalysis.Configuration;

public static class ConfigurationCheck
{
    public sealed record Entry(Func<IServiceProvider, object> Resolve);

    // Every problem in every registered section, each naming its key; empty when all is well.
    public static IReadOnlyList<string> Collect(IServiceProvider services)
    {
        var problems = new List<string>();
        foreach (var entry in services.GetServices<Entry>())
        {
            try
            {
                entry.Resolve(services);
            }
            catch (OptionsValidationException ex)
            {
                problems.AddRange(ex.Failures);
            }
            catch (InvalidOperationException ex)
            {
                // The binder throws this when a value cannot be converted (e.g. "abc" for a number).
                problems.Add(ex.Message);
            }
        }
        return problems;
    }

    public static void Report(IReadOnlyList<string> problems, TextWriter stderr)
    {
        stderr.WriteLine("Configuration is not valid:");
        foreach (var problem in problems)
        {
            stderr.WriteLine($"  - {problem}");
        }
        stderr.WriteLine("Set keys in appsettings.json, as environment variables (Section__Key) or as --Section:Key=value.");
    }
}

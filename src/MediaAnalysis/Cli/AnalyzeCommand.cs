using MediaAnalysis.Configuration;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Queue;
using MediaAnalysis.Web;

namespace MediaAnalysis.Cli;

// `analyze PATH-OR-URL [--json] [--html FILE]`: the bot's pipeline, once, in the terminal (--html also writes the
// results page, self-contained).
public static class AnalyzeCommand
{
    public const string Usage = "Usage: MediaAnalysis analyze PATH-OR-URL [--json] [--html FILE] [--language CODE] [--verbose] [--Section:Key=value ...]";

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        IEnumerable<KeyValuePair<string, string?>>? overrides,
        CancellationToken cancellationToken)
    {
        var (own, config) = AppConfiguration.Split(args);
        var json = own.Remove("--json");
        var verbose = own.Remove("--verbose");
        string? language = null;
        string? html = null;
        if (own.IndexOf("--html") is var htmlAt and >= 0)
        {
            html = htmlAt + 1 < own.Count && !own[htmlAt + 1].StartsWith('-') ? own[htmlAt + 1] : null;
            if (html is null || !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(html))))
            {
                stderr.WriteLine(html is null ? "--html needs a file to write the page to." : $"--html: there is no folder for {html}.");
                stderr.WriteLine(Usage);
                return ExitCodes.BadArguments;
            }
            own.RemoveRange(htmlAt, 2);
        }
        if (own.IndexOf("--language") is var at and >= 0)
        {
            var word = at + 1 < own.Count ? own[at + 1] : null;
            language = SpeechLanguages.Parse(word);
            if (language is null)
            {
                stderr.WriteLine(word is null ? "--language needs a language: a code such as de, or detect." : SpeechLanguages.Hint(word));
                stderr.WriteLine(Usage);
                return ExitCodes.BadArguments;
            }
            own.RemoveRange(at, 2);
        }
        if (own.Count != 1 || own[0].StartsWith('-'))
        {
            stderr.WriteLine(own.Count == 0 ? "analyze needs a video: a file path or an http(s) URL." : $"analyze does not understand: {string.Join(' ', own)}");
            stderr.WriteLine(Usage);
            return ExitCodes.BadArguments;
        }

        var builder = AppConfiguration.CreateBuilder(config, overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((_, level) => level >= (verbose ? LogLevel.Information : LogLevel.Warning));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPipeline();
        using var host = builder.Build();

        var problems = ConfigurationCheck.Collect(host.Services);
        if (problems.Count > 0)
        {
            ConfigurationCheck.Report(problems, stderr);
            return ExitCodes.BadArguments;
        }
        var source = AnalysisSource.Parse(own[0]) with { Language = language };
        if (source.LocalPath is { } path && !File.Exists(path))
        {
            stderr.WriteLine($"There is no file at {path}.");
            return ExitCodes.BadArguments;
        }

        var pipeline = host.Services.GetRequiredService<AnalysisPipeline>();
        var fanOut = host.Services.GetRequiredService<ModelFanOut>();
        var progress = new ConsoleProgress(stderr, fanOut.Prompts.Count * fanOut.Models.Count);
        AnalysisResult result;
        try
        {
            result = await pipeline.RunAsync(source, progress, cancellationToken);
            if (host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnalysisOptions>>().Value.Verdict.Enabled && !result.NoSpeech)
            {
                stderr.WriteLine("⚖️ Writing the panel verdict…");
                result = result with { Verdict = await host.Services.GetRequiredService<VerdictWriter>().WriteAsync(result.Outcomes, cancellationToken) };
            }
        }
        catch (AnalysisFailedException ex)
        {
            stderr.WriteLine($"✗ {ex.Message}");
            return ExitCodes.JobFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("✗ Cancelled.");
            return ExitCodes.JobFailed;
        }
        catch (Exception ex) when (!verbose)
        {
            stderr.WriteLine($"✗ Unexpected error ({ex.GetType().Name}): {ex.Message} (run with --verbose for details)");
            return ExitCodes.JobFailed;
        }

        if (json)
        {
            ResultWriter.WriteJson(result, stdout);
        }
        else if (!result.NoSpeech)
        {
            ResultWriter.WriteText(result, stdout);
        }
        if (html is not null && !result.NoSpeech)
        {
            try
            {
                await LocalPage.WriteAsync(html, LocalPage.From(result, fanOut.Prompts.Select(p => p.Name), fanOut.Models), cancellationToken);
                stderr.WriteLine($"✓ The results page is in {html}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"✗ Could not write the page to {html}: {ex.Message}");
            }
        }
        if (result.NoSpeech)
        {
            stderr.WriteLine($"✗ {JobStages.NoWords} No model was asked.");
            return ExitCodes.JobFailed;
        }
        var failed = result.Outcomes.Count - result.SucceededCount;
        if (failed == 0)
        {
            return ExitCodes.Ok;
        }
        stderr.WriteLine(result.SucceededCount == 0
            ? $"✗ All {failed} model calls failed."
            : $"! {failed} of {result.Outcomes.Count} model calls failed; the other answers are above.");
        return result.SucceededCount == 0 ? ExitCodes.JobFailed : ExitCodes.SomeModelsFailed;
    }
}

using System.Globalization;

namespace MediaAnalysis.Jobs;

// Numbers as people read them in messages: "48.2 MB", "12:04", "$0.0123".
public static class Format
{
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    public static string Duration(TimeSpan value) =>
        value.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}:{value.Minutes:00}:{value.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}:{value.Seconds:00}");

    public static string Seconds(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.0} s");

    // A configured limit: "2 s", "30 s", "15 min", "1.5 h".
    public static string Span(TimeSpan value) => value switch
    {
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{value.TotalHours:0.#} h"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMinutes:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#} s"),
    };

    // Four decimals, as OpenRouter's prices go; a call that cost something but less than that says so instead of "$0.0000".
    public static string Cost(decimal cost) => cost is > 0 and < 0.00005m
        ? "<$0.0001"
        : string.Create(CultureInfo.InvariantCulture, $"${cost:0.0000}");

    // "1,204 → 312 tokens · $0.0021 · 6.1 s", leaving out what the endpoint did not report.
    public static string Usage(ModelOutcome.Succeeded outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var tokens = (outcome.PromptTokens, outcome.CompletionTokens) switch
        {
            ({ } p, { } c) => $"{Count(p)} → {Count(c)} tokens",
            (null, { } c) => $"{Count(c)} tokens",
            ({ } p, null) => $"{Count(p)} prompt tokens",
            _ => null,
        };
        string?[] parts = [tokens, outcome.Cost is { } cost ? Cost(cost) : null, Seconds(outcome.Elapsed)];
        return string.Join(" · ", parts.OfType<string>());
    }

    // "1 word", "1,204 words".
    public static string Plural(long value, string noun) => value == 1 ? $"1 {noun}" : $"{Count(value)} {noun}s";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

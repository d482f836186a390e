using System.Globalization;

namespace MediaAnalysis.Fakes;

// "2-10" (uniform, seconds) or "5" (fixed).
internal sealed record LatencyRange(double MinSeconds, double MaxSeconds)
{
    public static readonly LatencyRange None = new(0, 0);

    public static LatencyRange? Parse(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!TryNumber(parts[0], out var min))
        {
            return null;
        }
        var max = min;
        if (parts.Length == 2 && !TryNumber(parts[1], out max))
        {
            return null;
        }
        return min >= 0 && max >= min ? new LatencyRange(min, max) : null;
    }

#pragma warning disable CA5394 // Benchmark jitter, not security.
    public TimeSpan Next() => TimeSpan.FromSeconds(MinSeconds + (Random.Shared.NextDouble() * (MaxSeconds - MinSeconds)));
#pragma warning restore CA5394

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

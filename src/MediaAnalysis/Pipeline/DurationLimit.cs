using MediaAnalysis.Jobs;
using System.Globalization;
using MediaAnalysis.Pipeline.Audio;

namespace MediaAnalysis.Pipeline;

// Media:MaxDurationMinutes, applied as soon as the probe knows the length and before any audio goes to
// Deepgram (billed by the minute: 1 GB of low-bitrate audio is ~290 hours).
public static partial class DurationLimit
{
    public static void Check(ProbedMedia probed, int maxMinutes, ILogger logger) => Check(probed, maxMinutes, null, logger);

    // `serverMinutes`: the server's own limit (its settings), which applies when it is the lower one.
    public static void Check(ProbedMedia probed, int operatorMinutes, int? serverMinutes, ILogger logger)
    {
        var byServer = serverMinutes is { } own && own > 0 && own < operatorMinutes;
        var maxMinutes = byServer ? serverMinutes!.Value : operatorMinutes;
        var length = probed.Duration > probed.AudioDuration ? probed.Duration : probed.AudioDuration;
        if (length <= TimeSpan.FromMinutes(maxMinutes))
        {
            return;
        }
        TooLong(logger, length.TotalMinutes, maxMinutes);
        var what = probed.HasVideo ? "video" : "recording";
        throw new AnalysisFailedException(FailureKind.SourceRefused,
            $"This {what} is {Describe(length)} long; {(byServer ? "this server's settings allow" : "this bot takes")} up to {maxMinutes} {(maxMinutes == 1 ? "minute" : "minutes")}.");
    }

    // "3 h 12 min", "1 min 10 s", "45 s".
    public static string Describe(TimeSpan length) => length switch
    {
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours} h {length.Minutes} min"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalMinutes} min {length.Seconds} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{length.Seconds} s"),
    };

    [LoggerMessage(1009, LogLevel.Warning, "Media refused: {Minutes:0.0} minutes long, over Media:MaxDurationMinutes ({Max})")]
    private static partial void TooLong(ILogger logger, double minutes, int max);
}

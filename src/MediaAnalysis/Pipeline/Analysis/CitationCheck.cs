using System.Globalization;
using System.Text.RegularExpressions;
using MediaAnalysis.Jobs;

namespace MediaAnalysis.Pipeline.Analysis;

// The moments an answer cites, checked before it is posted: [m:ss], [h:mm:ss], and ranges by their start. A time past
// the end of the media, or with no paragraph within 30 s of it, is marked in place ("[41:10 ⚠ no such moment]").
public static partial class CitationCheck
{
    public const string Mark = " ⚠ no such moment";

    private const double Slack = 30;

    public static (string Text, int Unfound) Apply(string answer, IReadOnlyList<TranscriptParagraph> paragraphs, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (paragraphs.Count == 0)
        {
            return (answer, 0);
        }
        var unfound = 0;
        var text = Cited().Replace(answer, match =>
        {
            var at = Seconds(match.Groups["h"], match.Groups["m"], match.Groups["s"]);
            if (at is { } seconds && Exists(seconds, paragraphs, durationSeconds))
            {
                return match.Value;
            }
            unfound++;
            return match.Value[..^1] + Mark + "]";
        });
        return (text, unfound);
    }

    private static bool Exists(double seconds, IReadOnlyList<TranscriptParagraph> paragraphs, double duration)
    {
        if (duration > 0 && seconds > duration + 1)
        {
            return false;
        }
        foreach (var p in paragraphs)
        {
            if (seconds >= p.Start - Slack && seconds <= p.End + Slack)
            {
                return true;
            }
        }
        return false;
    }

    private static double? Seconds(Group hours, Group minutes, Group seconds)
    {
        var h = hours.Success ? int.Parse(hours.Value, CultureInfo.InvariantCulture) : 0;
        var m = int.Parse(minutes.Value, CultureInfo.InvariantCulture);
        var s = int.Parse(seconds.Value, CultureInfo.InvariantCulture);
        return s >= 60 || (hours.Success && m >= 60) ? null : (h * 3600) + (m * 60) + s;
    }

    // [12:04], [1:02:03], [12:04-13:10], [12:04–13:10]; the start is what is checked.
    [GeneratedRegex(@"\[(?:(?<h>\d{1,2}):)?(?<m>\d{1,3}):(?<s>\d{2})(?:\s*[-–—]\s*(?:\d{1,2}:)?\d{1,3}:\d{2})?\]", RegexOptions.CultureInvariant)]
    private static partial Regex Cited();
}

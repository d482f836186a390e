using System.Globalization;

namespace MediaAnalysis.Jobs;

// A moment in the media as people and models write it: "m:ss" under an hour, "h:mm:ss" from an hour.
public static class Timestamp
{
    public static string Of(double seconds)
    {
        var whole = (long)Math.Max(0, Math.Floor(seconds));
        var (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60);
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:00}");
    }
}

using System.Globalization;
using System.Text;

namespace MediaAnalysis.Jobs;

// A person's file name is shown in messages, thread names and logs, never used as a path: no separators,
// no control or format characters (newlines that would forge a log line, bidi overrides that would
// disguise "gnp.exe" as "exe.png", zero-width ones), at most MaxLength characters.
public static class FileNames
{
    public const int MaxLength = 100;

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "video";
        }
        var builder = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var rune in name.EnumerateRunes())
        {
            if (Unsafe(rune))
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(rune.ToString());
            }
            if (builder.Length >= MaxLength)
            {
                break;
            }
        }
        var cleaned = builder.ToString().Trim().Trim('.');
        return cleaned.Length == 0 ? "video" : cleaned;
    }

    private static bool Unsafe(Rune rune) =>
        rune.Value is '/' or '\\' or 0xFFFD
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    public static string FromUrl(Uri url)
    {
        var last = url.Segments.Length > 0 ? Uri.UnescapeDataString(url.Segments[^1]) : "";
        return string.IsNullOrWhiteSpace(last) || last == "/" ? url.Host : last;
    }
}

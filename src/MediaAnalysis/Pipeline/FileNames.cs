using System.Text;

namespace MediaAnalysis.Pipeline;

// A person's file name is shown in messages and logs, never used as a path.
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
            if (Rune.IsControl(rune) || rune.Value is '/' or '\\' || rune.Value == 0xFFFD)
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

    public static string FromUrl(Uri url)
    {
        var last = url.Segments.Length > 0 ? Uri.UnescapeDataString(url.Segments[^1]) : "";
        return string.IsNullOrWhiteSpace(last) || last == "/" ? url.Host : last;
    }
}

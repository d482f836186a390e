using System.Text;

namespace MediaAnalysis.Chat.Discord.Rendering;

// File names we upload: ASCII letters, digits, '.', '-' and '_' only, so they survive the multipart
// Content-Disposition header and every client's download dialog unchanged.
internal static class DiscordFileNames
{
    public static string Safe(string? name, string fallback, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(name?.Length ?? 0, maxLength));
        foreach (var c in name ?? "")
        {
            var safe = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_';
            if (safe == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }
            builder.Append(safe);
        }
        var cleaned = builder.ToString().Trim('.', '_', '-');
        if (cleaned.Length > maxLength)
        {
            cleaned = cleaned[..maxLength].TrimEnd('.', '_', '-');
        }
        return cleaned.Length == 0 ? fallback : cleaned;
    }
}

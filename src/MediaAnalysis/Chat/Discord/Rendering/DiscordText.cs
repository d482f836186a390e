using System.Text;

namespace MediaAnalysis.Chat.Discord.Rendering;

internal static class DiscordText
{
    // For names people chose (files, models) inside our Markdown: shown as typed, never as formatting.
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|')
            {
                builder.Append('\\');
            }
            builder.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return builder.ToString();
    }

    // "openai/gpt-4o-mini" → "gpt-4o-mini".
    public static string ShortModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slash = model.LastIndexOf('/');
        return slash >= 0 && slash < model.Length - 1 ? model[(slash + 1)..] : model;
    }
}

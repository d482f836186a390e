using System.Globalization;
using System.Text;

namespace MediaAnalysis.Chat.Discord;

internal static class DiscordText
{
    public const string Ellipsis = "…";

    // At most `max` UTF-16 units, cut between graphemes (never inside a surrogate pair or emoji sequence).
    public static string Clip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }
        if (max <= Ellipsis.Length)
        {
            return Ellipsis[..Math.Max(0, max)];
        }
        return text[..GraphemeBoundaryAtOrBefore(text, 0, max - Ellipsis.Length)] + Ellipsis;
    }

    // The largest length ≤ max from `start` that ends between two graphemes; a single grapheme longer
    // than max is cut between code points instead.
    public static int GraphemeBoundaryAtOrBefore(string text, int start, int max)
    {
        var end = Math.Min(text.Length, start + max);
        var position = start;
        while (position < end)
        {
            var next = position + StringInfo.GetNextTextElementLength(text.AsSpan(position));
            if (next > end)
            {
                break;
            }
            position = next;
        }
        if (position > start)
        {
            return position - start;
        }
        var cut = max;
        if (cut > 0 && start + cut < text.Length && char.IsHighSurrogate(text[start + cut - 1]))
        {
            cut--;
        }
        return Math.Max(cut, 1);
    }

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

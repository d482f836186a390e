using System.Globalization;

namespace MediaAnalysis.Chat;

// Cutting text people see to a platform's limit without breaking a character: shared by Discord and Slack.
internal static class TextClip
{
    public const string Ellipsis = "…";

    // At most `max` UTF-16 units, cut between graphemes, with an ellipsis when cut.
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

    // The largest length ≤ max from `start` ending between two graphemes; one grapheme longer than max is cut
    // between code points instead.
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
        var cut = Math.Min(max, text.Length - start);
        if (cut > 1 && start + cut < text.Length && char.IsHighSurrogate(text[start + cut - 1]))
        {
            cut--;
        }
        return Math.Max(cut, 1);
    }
}

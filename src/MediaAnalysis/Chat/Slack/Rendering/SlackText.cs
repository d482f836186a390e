using System.Text;
using System.Text.RegularExpressions;

namespace MediaAnalysis.Chat.Slack.Rendering;

internal static partial class SlackText
{
    // Slack's three control characters in mrkdwn and plain text alike; everything else is literal.
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    // Escaped text of at most `max` characters, clipped before escaping so that no entity is cut in half.
    public static string EscapeClip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var take = max;
        while (true)
        {
            var escaped = Escape(TextClip.Clip(text, take));
            if (escaped.Length <= max)
            {
                return escaped;
            }
            if (take <= 1)
            {
                return TextClip.Ellipsis[..Math.Min(TextClip.Ellipsis.Length, Math.Max(0, max))];
            }
            take = Math.Max(1, Math.Min(take - 1, (int)((long)take * max / escaped.Length)));
        }
    }

    // A line the queue wrote for people ("Cancelled by <@U0123>."): escaped like everything else, except that user
    // mentions stay mentions. Channel-wide ones (<!channel>, <!here>) never do.
    public static string Note(string text, int max) =>
        EscapedMention().Replace(EscapeClip(OneLine(text), max), "<@$1>");

    // A name people chose (file, model, prompt), clipped, on one line, escaped, for mrkdwn.
    public static string Name(string? text, int max) =>
        Escape(TextClip.Clip(OneLine(text ?? ""), max));

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    // "openai/gpt-4o-mini" → "gpt-4o-mini".
    public static string ShortModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slash = model.LastIndexOf('/');
        return slash >= 0 && slash < model.Length - 1 ? model[(slash + 1)..] : model;
    }

    // A Slack user id becomes a mention (shown as the name, and only a ping where the message is new); anything
    // else is shown as text.
    public static string Mention(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return IsUserId(user) ? $"<@{user}>" : Name(user, 80);
    }

    public static bool IsUserId(string value) =>
        value.Length is >= 2 and <= 20 && value[0] is 'U' or 'W' && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    [GeneratedRegex("&lt;@([UW][A-Z0-9]{1,20})&gt;")]
    private static partial Regex EscapedMention();
}

using System.Text;
using System.Text.RegularExpressions;

namespace MediaAnalysis.Chat.Slack.Rendering;

// The Markdown models write, as Slack mrkdwn: **bold** → *bold*, *italic* → _italic_, ~~strike~~ → ~strike~,
// # Heading → *Heading*, [text](url) → <url|text>, "- item" → "• item", ``` fences kept without their language.
// &, < and > are escaped everywhere (also in code), so a model can never write <!channel> or a fake link.
public static partial class SlackMarkdown
{
    private const char Bold = '\u0001';
    private const char LinkOpen = '\u0002';
    private const char LinkClose = '\u0003';
    private const string Rule = "──────────";

    public static string ToMrkdwn(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var clean = Placeholders().Replace(markdown.ReplaceLineEndings("\n"), "");
        var builder = new StringBuilder(clean.Length + 64);
        var inFence = false;
        foreach (var (line, index) in clean.Split('\n').Select((l, i) => (l, i)))
        {
            if (index > 0)
            {
                builder.Append('\n');
            }
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                // Slack shows a language tag as code text; an opening fence is kept bare.
                builder.Append(line.AsSpan(0, line.Length - trimmed.Length)).Append(inFence ? SlackText.Escape(trimmed) : "```");
                inFence = !inFence;
                continue;
            }
            builder.Append(inFence ? SlackText.Escape(line) : Line(line));
        }
        return builder.ToString();
    }

    private static string Line(string line)
    {
        if (Heading().Match(line) is { Success: true } heading)
        {
            var text = Inline(heading.Groups["text"].Value.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal));
            return text.Length == 0 ? "" : $"*{text.Trim('*')}*";
        }
        if (ThematicBreak().IsMatch(line))
        {
            return Rule;
        }
        if (Quote().Match(line) is { Success: true } quote)
        {
            return "> " + Line(quote.Groups["text"].Value);
        }
        if (Bullet().Match(line) is { Success: true } bullet)
        {
            return bullet.Groups["indent"].Value + "• " + Inline(bullet.Groups["text"].Value);
        }
        return Inline(line);
    }

    // Code spans are only escaped; the rest is converted.
    private static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (Match code in CodeSpan().Matches(text))
        {
            builder.Append(Emphasis(text[position..code.Index])).Append(SlackText.Escape(code.Value));
            position = code.Index + code.Length;
        }
        return builder.Append(Emphasis(text[position..])).ToString();
    }

    private static string Emphasis(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var escaped = SlackText.Escape(text);
        // Links are set aside first so that emphasis rules never touch a URL.
        var links = new List<string>();
        escaped = Link().Replace(escaped, m =>
        {
            var label = m.Groups["text"].Value.Replace("**", "", StringComparison.Ordinal).Replace('|', '¦').Trim();
            var url = m.Groups["url"].Value;
            links.Add(label.Length == 0 || label == url ? $"<{url}>" : $"<{url}|{label}>");
            return $"{LinkOpen}{links.Count - 1}{LinkClose}";
        });
        escaped = AutoLink().Replace(escaped, m =>
        {
            links.Add($"<{m.Groups["url"].Value}>");
            return $"{LinkOpen}{links.Count - 1}{LinkClose}";
        });
        escaped = StrongStars().Replace(escaped, $"{Bold}$1{Bold}");
        escaped = StrongUnderscores().Replace(escaped, $"{Bold}$1{Bold}");
        escaped = Italic().Replace(escaped, "_$1_");
        escaped = Strike().Replace(escaped, "~$1~");
        escaped = escaped.Replace(Bold, '*');
        return links.Count == 0 ? escaped : LinkSlot().Replace(escaped, m => links[int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture)]);
    }

    [GeneratedRegex("[\u0001-\u0003]")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\s{0,3}>\s?(?<text>.*)$")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^(?<indent>\s*)[-*+]\s+(?<text>.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex("`[^`\n]+`")]
    private static partial Regex CodeSpan();

    // After escaping: [text](url "title") and ![alt](url), http(s) and mailto only.
    [GeneratedRegex(@"!?\[(?<text>[^\]\n]*)\]\((?<url>(?:https?://|mailto:)[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"&lt;(?<url>https?://[^\s]+?)&gt;")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*")]
    private static partial Regex StrongStars();

    [GeneratedRegex(@"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")]
    private static partial Regex StrongUnderscores();

    [GeneratedRegex(@"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();

    [GeneratedRegex("\u0002(\\d+)\u0003")]
    private static partial Regex LinkSlot();
}

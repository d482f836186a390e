using System.Text.RegularExpressions;

namespace MediaAnalysis.Chat.Slack.Inbound;

// "Copy link" on a message gives https://team.slack.com/archives/C0123ABCD/p1712345678000100 (the ts without its dot,
// plus ?thread_ts=… for a reply); with should_escape on, a slash command's text wraps it in <…>.
public static partial class SlackMessageLink
{
    public static bool TryParse(string? text, out string channel, out string ts, out string? threadTs)
    {
        channel = ts = "";
        threadTs = null;
        var match = text is null ? null : Link().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }
        var digits = match.Groups["ts"].Value;
        channel = match.Groups["channel"].Value;
        ts = $"{digits[..^6]}.{digits[^6..]}";
        threadTs = match.Groups["thread"].Success ? match.Groups["thread"].Value : null;
        return true;
    }

    [GeneratedRegex(@"https://[A-Za-z0-9.-]+\.slack\.com/archives/(?<channel>[CGD][A-Z0-9]{2,})/p(?<ts>\d{7,})(?:\?(?:[^\s>|]*&)?thread_ts=(?<thread>\d+\.\d+))?")]
    private static partial Regex Link();
}

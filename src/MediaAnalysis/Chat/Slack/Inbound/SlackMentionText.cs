namespace MediaAnalysis.Chat.Slack.Inbound;

// What a mention without a video asks for: "@bot analyze" (or "analyse"), alone or with one more word (a language),
// or the mention alone, means "the video this thread is about".
public static class SlackMentionText
{
    public static bool AsksToAnalyze(string? text)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => !(w.StartsWith("<@", StringComparison.Ordinal) && w.EndsWith('>')))
            .ToList();
        return words.Count == 0
            || (words.Count <= 2 && words[0].TrimEnd('.', '!', ',', ':') is { } first
                && (first.Equals("analyze", StringComparison.OrdinalIgnoreCase) || first.Equals("analyse", StringComparison.OrdinalIgnoreCase)));
    }
}

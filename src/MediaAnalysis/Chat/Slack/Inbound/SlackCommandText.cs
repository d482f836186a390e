using MediaAnalysis.Jobs;

namespace MediaAnalysis.Chat.Slack.Inbound;

// The text of `/analyze [link] [language]`: a link to a message (or nothing), then optionally a language as a code or
// an English name ("de", "German", "pt-BR", "detect"). A last word that is no link is taken as the language.
public static class SlackCommandText
{
    public static (string Link, string? Language, string? Refusal) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || LooksLikeLink(words[^1]))
        {
            return (text.Trim(), null, null);
        }
        var word = words[^1];
        var link = string.Join(' ', words[..^1]);
        return SpeechLanguages.Parse(word) switch
        {
            null => (link, null, SpeechLanguages.Hint(word)),
            SpeechLanguages.Detect => (link, null, null),
            var code => (link, code, null),
        };
    }

    // Slack sends links as <https://…> or <https://…|label>; a pasted one may come bare.
    private static bool LooksLikeLink(string word) =>
        word.StartsWith('<') || word.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || word.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

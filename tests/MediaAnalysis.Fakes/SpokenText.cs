using System.Text;

namespace MediaAnalysis.Fakes;

// Deterministic speech-like text for a duration: about 150 words a minute, same input same text.
// Includes non-ASCII and apostrophes so JSON escaping along the pipeline gets exercised.
internal static class SpokenText
{
    public const double WordsPerMinute = 150;

    private static readonly string[] Vocabulary =
    [
        "so", "the", "meeting", "we", "agreed", "to", "ship", "the", "budget", "next", "week",
        "because", "results", "were", "good", "okay", "I", "think", "it's", "a", "fair", "point",
        "café", "in", "Zürich", "numbers", "look", "better", "than", "last", "quarter", "and",
        "we", "don't", "need", "another", "review", "customers", "asked", "for", "faster", "exports",
        "the", "team", "will", "follow", "up", "with", "a", "short", "summary", "on", "Monday",
    ];

    private static readonly string[] German =
    [
        "also", "das", "Treffen", "wir", "haben", "beschlossen", "das", "Budget", "nächste", "Woche", "freizugeben",
        "weil", "die", "Ergebnisse", "gut", "waren", "ich", "glaube", "das", "ist", "ein", "fairer", "Punkt",
        "Café", "in", "Zürich", "Zahlen", "sehen", "besser", "aus", "als", "im", "letzten", "Quartal", "und",
        "wir", "brauchen", "keine", "weitere", "Prüfung", "Kunden", "wünschen", "schnellere", "Exporte",
        "das", "Team", "schickt", "am", "Montag", "eine", "kurze", "Zusammenfassung", "größer", "Straße",
    ];

    // The text generator for a spoken language: German words for "de", English ones otherwise.
    public static Func<double, string> In(string language) =>
        language.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? seconds => For(seconds, German) : For;

    public static int WordCount(double seconds) => Math.Max(4, (int)Math.Round(seconds / 60 * WordsPerMinute));

    public static string For(double seconds) => For(seconds, Vocabulary);

    private static string For(double seconds, string[] vocabulary)
    {
        var words = WordCount(seconds);
        var state = (uint)(Math.Round(seconds * 1000) % uint.MaxValue) | 1;
        var text = new StringBuilder(words * 7);
        var left = 0;
        for (var i = 0; i < words; i++)
        {
            if (left == 0)
            {
                left = Math.Min(words - i, 5 + (int)(Next(ref state) % 10));
            }
            var word = vocabulary[Next(ref state) % (uint)vocabulary.Length];
            var firstOfSentence = text.Length == 0 || text[^1] is '.' or '?';
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(firstOfSentence ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            left--;
            if (left == 0)
            {
                text.Append(Next(ref state) % 6 == 0 ? '?' : '.');
            }
            else if (Next(ref state) % 9 == 0)
            {
                text.Append(',');
            }
        }
        return text.ToString();
    }

    // xorshift32: stable across runtimes, unlike anything we do not own.
    private static uint Next(ref uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
}
